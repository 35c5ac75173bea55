package dev.sereno.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotationsTest {
    @Test
    void findsClosedQuotationsOfEveryKindAndSkipsApostrophesInWords() {
        String text = "You said 'we'll be in touch' and \u201cwe can't\u201d, then \u00absoon\u00bb.";
        int[] q = Quotations.of(text);
        assertThat(q).hasSize(6);
        assertThat(text.substring(q[0], q[1])).isEqualTo("'we'll be in touch'");
        assertThat(text.substring(q[2], q[3])).isEqualTo("\u201cwe can't\u201d");
        assertThat(text.substring(q[4], q[5])).isEqualTo("\u00absoon\u00bb");
        assertThat(Quotations.inside(q, text.indexOf("we'll"), text.indexOf("touch") + 5)).isTrue();
        assertThat(Quotations.inside(q, text.indexOf("said"), text.indexOf("said") + 4)).isFalse();
    }

    @Test
    void aStrayMarkOrOneNeverClosedQuotesNothing() {
        assertThat(Quotations.of("It's 5 o'clock, \u00abopen")).isEmpty();
        assertThat(Quotations.of("a \" stray mark")).isEmpty();
        assertThat(Quotations.of("")).isEmpty();
    }
}
