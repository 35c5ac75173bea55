package dev.sereno.cli;

import dev.sereno.situation.Language;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a language option as the contract writes it: {@code es} or {@code en}. */
final class Languages implements ITypeConverter<Language> {
    @Override
    public Language convert(String value) {
        return Arrays.stream(Language.values()).filter(l -> l.code().equals(value.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new TypeConversionException("\"" + value + "\" is not a language: use es or en"));
    }
}
