package dev.sereno.text;

/**
 * A word of the text: its folded form, where it stands in the original, which sentence it belongs to, which
 * quotation (numbered from 1 in order of appearance; 0 when the word is not between quotation marks), and its number
 * among the words a {@link PhraseFinder}'s patterns name (-1 when they name no such word).
 */
record Token(String folded, int start, int end, int sentence, int quote, int id) {
}
