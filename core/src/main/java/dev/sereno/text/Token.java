package dev.sereno.text;

/** A word of the text: its folded form, where it stands in the original, and which sentence it belongs to. */
record Token(String folded, int start, int end, int sentence) {
}
