package dev.sereno.situation;

import java.util.Locale;

/** The language advice is written in and draft replies are read in. JSON spells it in lower case. */
public enum Language {
    ES, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }
}
