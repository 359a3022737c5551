package dev.switchboard.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The success definition the README documents, for each shape Vapi's rubrics send (stored as JSON text). */
class SuccessVerdictTest {
    @Test
    void booleansAndPassFailWordsAreVerdicts() {
        assertThat(SuccessVerdict.of("true")).isTrue();
        assertThat(SuccessVerdict.of("\"true\"")).isTrue();
        assertThat(SuccessVerdict.of("\"Pass\"")).isTrue();
        assertThat(SuccessVerdict.of("false")).isFalse();
        assertThat(SuccessVerdict.of("\"false\"")).isFalse();
        assertThat(SuccessVerdict.of("\"fail\"")).isFalse();
    }

    @Test
    void scoresSucceedAtSixtyPercentOfTheirScale() {
        assertThat(SuccessVerdict.of("6")).isTrue();
        assertThat(SuccessVerdict.of("5")).isFalse();
        assertThat(SuccessVerdict.of("7.5")).isTrue();
        assertThat(SuccessVerdict.of("\"8\"")).isTrue();
        assertThat(SuccessVerdict.of("60")).isTrue();
        assertThat(SuccessVerdict.of("59")).isFalse();
        assertThat(SuccessVerdict.of("250")).isNull();
    }

    @Test
    void descriptiveLikertAndLetterScalesAreRead() {
        assertThat(SuccessVerdict.of("\"Excellent\"")).isTrue();
        assertThat(SuccessVerdict.of("\"Strongly Agree\"")).isTrue();
        assertThat(SuccessVerdict.of("\"B\"")).isTrue();
        assertThat(SuccessVerdict.of("\"Fair\"")).isFalse();
        assertThat(SuccessVerdict.of("\"Neutral\"")).isFalse();
        assertThat(SuccessVerdict.of("\"F\"")).isFalse();
    }

    @Test
    void anythingElseIsNotEvaluated() {
        assertThat(SuccessVerdict.of(null)).isNull();
        assertThat(SuccessVerdict.of("null")).isNull();
        assertThat(SuccessVerdict.of("\"The caller seemed happy\"")).isNull();
        assertThat(SuccessVerdict.of("{\"booked\":true}")).isNull();
        assertThat(SuccessVerdict.of("not json at all")).isNull();
    }

    @Test
    void numericStructuredDataFieldsAreAveragedAndTheRestIgnored() {
        Contribution c = Contribution.of("ended", 0, 0L, 1000L, "customer_ended", 0, 0.1,
                "{\"nps_score\":9,\"rating\":4.5,\"booked\":true,\"name\":\"Ann\",\"nested\":{\"x\":1},\"list\":[1,2]}", "true");
        assertThat(c.fields).containsOnlyKeys("nps_score", "rating").containsEntry("nps_score", 9_000_000L).containsEntry("rating", 4_500_000L);
        assertThat(Contribution.of("in-progress", 0, 0L, null, null, 0, null, "{\"nps_score\":9}", null)).as("only ended calls count").isNull();
    }
}
