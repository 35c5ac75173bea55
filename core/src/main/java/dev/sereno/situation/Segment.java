package dev.sereno.situation;

/** The kind of customer; a small business feels a problem a large company would call small (G09). */
public enum Segment {
    INDIVIDUAL, SMALL_BUSINESS, ENTERPRISE
}
