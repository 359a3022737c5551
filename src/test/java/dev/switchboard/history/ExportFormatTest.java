package dev.switchboard.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportFormatTest {
    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
        assertThat(ExportFormat.Csv.field("=1+2")).isEqualTo("'=1+2");
        assertThat(ExportFormat.Csv.field("+14155550123")).isEqualTo("'+14155550123");
        assertThat(ExportFormat.Csv.field("-2")).isEqualTo("'-2");
        assertThat(ExportFormat.Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ExportFormat.Csv.field("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(ExportFormat.Csv.field("\r=cmd")).isEqualTo("\"'\r=cmd\"");
        assertThat(ExportFormat.Csv.field("plain = text")).isEqualTo("plain = text");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(ExportFormat.Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(ExportFormat.Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ExportFormat.Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ExportFormat.Csv.field("{\"a\":1,\"b\":\"x\"}")).isEqualTo("\"{\"\"a\"\":1,\"\"b\"\":\"\"x\"\"}\"");
        assertThat(ExportFormat.Csv.field("Grüße, 東京")).isEqualTo("\"Grüße, 東京\"");
    }

    @Test
    void numbersAndBooleansAreWrittenPlainAndEmptyMeansNull() {
        assertThat(ExportFormat.Csv.field(null)).isEmpty();
        assertThat(ExportFormat.Csv.field(0.1234)).isEqualTo("0.1234");
        assertThat(ExportFormat.Csv.field(0.0005)).isEqualTo("0.0005");
        assertThat(ExportFormat.Csv.field(120.0)).isEqualTo("120");
        assertThat(ExportFormat.Csv.field(true)).isEqualTo("true");
    }
}
