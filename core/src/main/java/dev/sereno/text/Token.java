package dev.sereno.text;

/**
 * A word of the text: its folded form, where it stands in the original, which sentence it belongs to, and which
 * quotation (numbered from 1 in order of appearance; 0 when the word is not between quotation marks).
 */
record Token(String folded, int start, int end, int sentence, int quote) {
}
