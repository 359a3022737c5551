package dev.switchboard.call;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndedCategoryTest {
    @Test
    void everydayReasonsLandInTheirGroup() {
        assertThat(EndedCategory.of("customer-ended-call")).isEqualTo(EndedCategory.CUSTOMER_ENDED);
        assertThat(EndedCategory.of("assistant-said-end-call-phrase")).isEqualTo(EndedCategory.ASSISTANT_ENDED);
        assertThat(EndedCategory.of("silence-timed-out")).isEqualTo(EndedCategory.ASSISTANT_ENDED);
        assertThat(EndedCategory.of("assistant-forwarded-call")).isEqualTo(EndedCategory.TRANSFERRED);
        assertThat(EndedCategory.of("voicemail")).isEqualTo(EndedCategory.UNREACHED);
        assertThat(EndedCategory.of("customer-busy")).isEqualTo(EndedCategory.UNREACHED);
        assertThat(EndedCategory.of("customer-did-not-answer")).isEqualTo(EndedCategory.UNREACHED);
        assertThat(EndedCategory.of("call.in-progress.error-transfer-failed")).isEqualTo(EndedCategory.ERROR);
        assertThat(EndedCategory.of("manually-canceled")).isEqualTo(EndedCategory.OTHER);
    }

    @Test
    void reasonsNobodyHasSeenYetFollowTheDocumentedPatterns() {
        assertThat(EndedCategory.of("pipeline-error-openai-llm-failed")).isEqualTo(EndedCategory.ERROR);
        assertThat(EndedCategory.of("call.in-progress.error-vapifault-new-thing")).isEqualTo(EndedCategory.ERROR);
        assertThat(EndedCategory.of("call.in-progress.error-providerfault-cartesia-500")).isEqualTo(EndedCategory.ERROR);
        assertThat(EndedCategory.of("call.start.error-subscription-frozen")).isEqualTo(EndedCategory.ERROR);
        assertThat(EndedCategory.of("customer-ended-call-in-some-new-way")).isEqualTo(EndedCategory.CUSTOMER_ENDED);
        assertThat(EndedCategory.of("assistant-ended-call-some-new-way")).isEqualTo(EndedCategory.ASSISTANT_ENDED);
        assertThat(EndedCategory.of("hangup")).isEqualTo(EndedCategory.OTHER);
        assertThat(EndedCategory.of(null)).isEqualTo(EndedCategory.OTHER);
        assertThat(EndedCategory.of("  ")).isEqualTo(EndedCategory.OTHER);
    }

    @Test
    void wireNamesRoundTrip() {
        for (EndedCategory c : EndedCategory.values()) assertThat(EndedCategory.parse(c.wire())).isSameAs(c);
        assertThat(EndedCategory.parse("nonsense")).isNull();
    }
}
