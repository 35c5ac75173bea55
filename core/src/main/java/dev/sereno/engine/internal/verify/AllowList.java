package dev.sereno.engine.internal.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What compiled policy code may refer to: Sereno's fact and advice types, the engine's generated plumbing, and
 * pure value types. Everything else is refused. Names are compared whole (a class, or the classes directly in a
 * package), never as prefixes. Members are allowed per class: all of them, all but some, or only some; an entry
 * such as {@code toLowerCase()} names one signature (the one without arguments, which reads the default locale).
 */
final class AllowList {
    private record Members(boolean all, Set<String> listed) {
        boolean allows(String name, String desc) {
            boolean listedHere = listed.contains(name) || (desc != null && listed.contains(name + desc.substring(0, desc.indexOf(')') + 1)));
            return all != listedHere;
        }
    }

    private static final Members ALL = new Members(true, Set.of());
    private static final Map<String, Members> CLASSES = new HashMap<>();
    private static final Map<String, Members> PACKAGES = new HashMap<>();

    /** Refused on any class: threads' monitors, the way into reflection, and printing to stderr. */
    private static final Set<String> NEVER = Set.of("wait", "notify", "notifyAll", "getClass", "printStackTrace",
            "getRuntime", "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "getEntryPoint", "getContext",
            "halt", "getChannels", "parallelStream", "parallel");

    private static void all(String... classes) {
        for (String c : classes) {
            CLASSES.put(c, ALL);
        }
    }

    private static void allBut(String owner, String... members) {
        CLASSES.put(owner, new Members(true, Set.of(members)));
    }

    private static void only(String owner, String... members) {
        CLASSES.put(owner, new Members(false, Set.of(members)));
    }

    private static void packages(String... packages) {
        for (String p : packages) {
            PACKAGES.put(p, ALL);
        }
    }

    static {
        // Sereno's own vocabulary: facts, advice facts and their enums
        packages("dev/sereno/situation", "dev/sereno/policy", "dev/sereno/advice");
        allBut("dev/sereno/policy/PolicyParameters", "load", "read");

        // pure values
        only("java/lang/Object", "<init>", "equals", "hashCode", "toString");
        allBut("java/lang/String", "matches", "replaceAll", "replaceFirst", "split", "format", "formatted",
                "toLowerCase()", "toUpperCase()");
        all("java/lang/CharSequence", "java/lang/Comparable", "java/lang/Iterable", "java/lang/Number",
                "java/lang/Double", "java/lang/Float", "java/lang/Short", "java/lang/Byte", "java/lang/Character",
                "java/lang/StringBuilder", "java/lang/Record");
        allBut("java/lang/Integer", "getInteger");
        allBut("java/lang/Long", "getLong");
        allBut("java/lang/Boolean", "getBoolean");
        allBut("java/lang/Math", "random");
        allBut("java/lang/StrictMath", "random");
        only("java/lang/Enum", "<init>", "name", "ordinal", "compareTo", "equals", "hashCode", "toString", "valueOf");
        // generated code copies arrays (enum values()); nothing else of System is within reach
        only("java/lang/System", "arraycopy");
        // rules may throw; a throw ends the call as a rule failure
        all("java/lang/Throwable", "java/lang/Exception", "java/lang/RuntimeException", "java/lang/Error",
                "java/lang/AssertionError", "java/lang/IllegalArgumentException", "java/lang/IllegalStateException",
                "java/lang/NullPointerException", "java/lang/ArithmeticException", "java/lang/IndexOutOfBoundsException",
                "java/lang/ArrayIndexOutOfBoundsException", "java/lang/StringIndexOutOfBoundsException",
                "java/lang/UnsupportedOperationException", "java/lang/ClassCastException",
                "java/lang/NumberFormatException", "java/util/NoSuchElementException",
                "java/util/ConcurrentModificationException", "java/time/DateTimeException",
                "java/time/format/DateTimeParseException");
        // numbers without bound (a power of a power) would run outside any budget
        allBut("java/math/BigDecimal", "pow");
        allBut("java/math/BigInteger", "pow", "probablePrime", "<init>(ILjava/util/Random;)", "<init>(IILjava/util/Random;)");
        all("java/math/MathContext", "java/math/RoundingMode");
        // java.time values, never the clock nor the JVM's default zone or locale
        for (String c : List.of("Instant", "Duration", "Period", "LocalDate", "LocalTime", "LocalDateTime", "ZonedDateTime",
                "OffsetDateTime", "OffsetTime", "ZoneId", "ZoneOffset", "Year", "YearMonth", "MonthDay", "DayOfWeek", "Month",
                "temporal/ChronoUnit", "temporal/ChronoField", "temporal/TemporalAdjusters", "temporal/TemporalAdjuster",
                "temporal/Temporal", "temporal/TemporalAmount", "temporal/TemporalUnit", "temporal/TemporalAccessor",
                "temporal/TemporalField", "temporal/IsoFields", "chrono/ChronoLocalDate", "chrono/ChronoLocalDateTime",
                "chrono/ChronoZonedDateTime", "format/DateTimeFormatter", "format/FormatStyle", "format/TextStyle")) {
            allBut("java/time/" + c, "now", "systemDefault", "ofLocalizedDate", "ofLocalizedTime", "ofLocalizedDateTime");
        }
        allBut("java/time/format/DateTimeFormatterBuilder", "toFormatter()");
        // collections: reading, and building new ones locally (facts hold immutable lists)
        all("java/util/List", "java/util/Set", "java/util/Map", "java/util/Map$Entry", "java/util/Collection",
                "java/util/Iterator", "java/util/ListIterator", "java/util/Objects", "java/util/Optional",
                "java/util/OptionalInt", "java/util/OptionalLong", "java/util/OptionalDouble", "java/util/ArrayList",
                "java/util/LinkedList", "java/util/HashMap", "java/util/HashSet", "java/util/LinkedHashMap",
                "java/util/LinkedHashSet", "java/util/TreeMap", "java/util/TreeSet", "java/util/ArrayDeque",
                "java/util/EnumMap", "java/util/EnumSet", "java/util/Comparator", "java/util/StringJoiner",
                "java/util/SortedMap", "java/util/SortedSet", "java/util/NavigableMap", "java/util/NavigableSet",
                "java/util/Deque", "java/util/Queue", "java/util/AbstractMap$SimpleImmutableEntry");
        allBut("java/util/Collections", "shuffle");
        allBut("java/util/Arrays", "parallelSort", "parallelPrefix", "parallelSetAll");
        allBut("java/util/Locale", "setDefault", "getDefault");
        packages("java/util/function");

        // the engine's generated plumbing: building the model, and a consequence's insert
        packages("org/drools/model", "org/drools/model/consequences", "org/drools/model/functions",
                "org/drools/model/functions/accumulate", "org/drools/model/impl", "org/drools/model/view",
                "org/drools/model/operators", "org/drools/model/index", "org/drools/core/base/accumulators");
        only("org/drools/model/Drools", "insert");
        all("org/drools/modelcompiler/dsl/pattern/D", "org/drools/modelcompiler/util/EvaluationUtil",
                "org/drools/base/factmodel/GeneratedFact", "org/drools/base/factmodel/AccessibleFact", "java/io/Serializable");
        only("org/drools/util/DateUtils", "getDateFormatMask");
    }

    private AllowList() {
    }

    /** Whether anything of {@code owner} is allowed (for class constants, supertypes and caught types). */
    static boolean knows(String owner) {
        String element = element(owner);
        return element == null || CLASSES.containsKey(element) || PACKAGES.containsKey(packageOf(element));
    }

    /** Whether the member {@code name} (with descriptor {@code desc}, null for a field) of {@code owner} is allowed. */
    static boolean allows(String owner, String name, String desc) {
        if (NEVER.contains(name)) {
            return false;
        }
        if (owner.startsWith("[")) {
            return name.equals("clone") && knows(owner);
        }
        Members m = CLASSES.get(owner);
        if (m == null) {
            m = PACKAGES.get(packageOf(owner));
        }
        return m != null && m.allows(name, desc);
    }

    /** The class of an array's elements (null for primitives), or the class itself. */
    private static String element(String type) {
        if (!type.startsWith("[")) {
            return type;
        }
        String e = type.replaceFirst("^\\[+", "");
        return e.startsWith("L") && e.endsWith(";") ? e.substring(1, e.length() - 1) : null;
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }
}
