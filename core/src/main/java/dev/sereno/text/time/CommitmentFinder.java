package dev.sereno.text.time;

import dev.sereno.policy.DraftCommitment;
import dev.sereno.situation.Language;
import dev.sereno.text.PhraseMatcher;
import dev.sereno.text.Quotations;
import dev.sereno.text.Spellings;
import dev.sereno.text.time.CommitmentList.Hit;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the promises a draft reply makes and the time each gives. A phrase of the {@link CommitmentList} makes a
 * commitment; the time that goes with it is the nearest time in the same sentence, after the phrase ("le llamo
 * mañana a las 10") or right before it ("antes del viernes le confirmamos la fecha", no "y"/"and" between). With no
 * time, a [WITHOUT_TIME] phrase in the sentence ("…en cuanto lo sepa") joins its span; a when-timed phrase with
 * neither is not a promise. A [WITHOUT_TIME] phrase on its own is a commitment of kind OTHER. A phrase right after a
 * negation ("no le llamaremos") is not a promise, nor one inside quotation marks: it quotes someone else's words
 * ({@link Quotations}). Thread-safe.
 */
public final class CommitmentFinder {
    private static final Set<String> NEGATIONS = Set.of("no", "nunca", "jamas", "not", "never", "won't", "can't",
            "cannot", "don't");
    private static final Set<String> JOINS = Set.of("y", "e", "pero", "o", "and", "but", "or", "que", "that");
    /** How many words may stand between a time and the phrase after it. */
    private static final int BEFORE_GAP = 2;

    private final CommitmentList list;
    private final TimeResolver times;

    /** The typed shorthand of the language's spellings ("cdo": "cuando", "tmrw": "tomorrow"), folded. */
    private final Map<String, List<String>> shorthand;

    public CommitmentFinder(CommitmentList list, Language language) {
        this(list, language, Spellings.NONE);
    }

    /**
     * Reads drafts with the language's {@link Spellings}' shorthand, as the phrase reader does, so that a promise or
     * a time typed in chat shorthand ("le llamo cdo sepa algo", "call u back tmrw") is read as if spelt out.
     */
    public CommitmentFinder(CommitmentList list, Language language, Spellings spellings) {
        this.list = list;
        this.times = TimeResolver.of(language);
        this.shorthand = spellings.shorthand();
    }

    /**
     * The words with each typed shorthand replaced by the words it stands for, each covering the typed word, where
     * the phrase reader reads it too ({@link Spellings#readsHere}).
     */
    private List<Words.Word> respelt(List<Words.Word> words, String draft) {
        if (shorthand.isEmpty()) {
            return words;
        }
        List<Words.Word> out = null;
        for (int k = 0; k < words.size(); k++) {
            Words.Word w = words.get(k);
            List<String> read = shorthand.get(w.text());
            if (read != null && !Spellings.readsHere(w.end() - w.start(), draft.charAt(w.start()),
                    k == 0 || words.get(k - 1).sentence() != w.sentence())) {
                read = null;
            }
            if (read != null && out == null) {
                out = new ArrayList<>(words.subList(0, k));
            }
            if (out == null) {
                continue;
            }
            if (read == null) {
                out.add(w);
            } else {
                for (String r : read) {
                    out.add(new Words.Word(r, w.start(), w.end(), w.sentence(), w.clause()));
                }
            }
        }
        return out == null ? words : out;
    }

    /** The commitments in {@code draft}, in the order they are written. */
    public List<DraftCommitment> find(String draft, Instant now, ZoneId zone) {
        if (draft == null || draft.isBlank() || list.size() == 0) {
            return List.of();
        }
        List<Words.Word> words = respelt(Words.of(draft), draft);
        CommitmentList.Index index = list.index();
        PhraseMatcher.Text text = index.text(Words.Spelt.of(words));
        List<Hit> promises = hits(words, text, index, CommitmentList.Index.PROMISES, true);
        List<Hit> vague = hits(words, text, index, CommitmentList.Index.WITHOUT_TIME, false);
        if (promises.isEmpty() && vague.isEmpty()) {
            return List.of();
        }
        int[] quotations = Quotations.of(draft);
        if (quotations.length > 0) {
            promises = unquoted(promises, words, quotations);
            vague = unquoted(vague, words, quotations);
        }
        // a promise takes a time of its own sentence only: read times in those sentences alone
        List<TimeMention> mentions = new ArrayList<>();
        List<int[]> mentionWords = new ArrayList<>();
        int lastSentence = -1;
        for (Hit p : promises) {
            int sentence = words.get(p.from()).sentence();
            if (sentence == lastSentence) {
                continue;
            }
            lastSentence = sentence;
            int first = p.from();
            while (first > 0 && words.get(first - 1).sentence() == sentence) {
                first--;
            }
            int after = p.to();
            while (after < words.size() && words.get(after).sentence() == sentence) {
                after++;
            }
            times.find(words, first, after, now, zone, mentions, mentionWords);
        }
        List<DraftCommitment> out = new ArrayList<>();
        boolean[] vagueUsed = new boolean[vague.size()];
        for (Hit p : promises) {
            int sentence = words.get(p.from()).sentence();
            int best = -1;
            for (int k = 0; k < mentions.size(); k++) {
                int[] r = mentionWords.get(k);
                if (words.get(r[0]).sentence() != sentence || overlaps(r[0], r[1], p.from(), p.to())) {
                    continue;
                }
                if (r[0] >= p.to()) {
                    if (best < 0 || mentionWords.get(best)[0] < p.from() || r[0] < mentionWords.get(best)[0]) {
                        best = k;
                    }
                } else if (r[1] <= p.from() && p.from() - r[1] <= BEFORE_GAP && noJoin(words, r[1], p.from())
                        && (best < 0)) {
                    best = k;
                }
            }
            if (best >= 0) {
                TimeMention m = mentions.get(best);
                int start = Math.min(words.get(p.from()).start(), m.start());
                int end = Math.max(words.get(p.to() - 1).end(), m.end());
                out.add(new DraftCommitment(p.phrase().kind(), draft.substring(start, end), start, end, m.due()));
                continue;
            }
            int v = -1;
            for (int k = 0; k < vague.size(); k++) {
                Hit h = vague.get(k);
                if (words.get(h.from()).sentence() == sentence && !overlaps(h.from(), h.to(), p.from(), p.to())
                        && (v < 0 || Math.abs(h.from() - p.from()) < Math.abs(vague.get(v).from() - p.from()))) {
                    v = k;
                }
            }
            if (v < 0 && p.phrase().whenTimed()) {
                continue;
            }
            int start = words.get(p.from()).start();
            int end = words.get(p.to() - 1).end();
            if (v >= 0) {
                vagueUsed[v] = true;
                start = Math.min(start, words.get(vague.get(v).from()).start());
                end = Math.max(end, words.get(vague.get(v).to() - 1).end());
            }
            out.add(new DraftCommitment(p.phrase().kind(), draft.substring(start, end), start, end, null));
        }
        for (int k = 0; k < vague.size(); k++) {
            Hit h = vague.get(k);
            if (vagueUsed[k]) {
                continue;
            }
            int start = words.get(h.from()).start();
            int end = words.get(h.to() - 1).end();
            boolean inside = out.stream().anyMatch(c -> c.start() <= start && end <= c.end());
            if (!inside) {
                out.add(new DraftCommitment(CommitmentList.OTHER, draft.substring(start, end), start, end, null));
            }
        }
        out.sort(Comparator.comparingInt(DraftCommitment::start).thenComparingInt(DraftCommitment::end));
        return List.copyOf(out);
    }

    /** Leftmost-longest matches that do not overlap; a promise right after a negation is dropped. */
    private static List<Hit> hits(List<Words.Word> words, PhraseMatcher.Text text, CommitmentList.Index index,
                                  int list, boolean negatable) {
        if (index.isEmpty(list)) {
            return List.of();
        }
        List<Hit> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Hit best = index.longest(text, i, list);
            if (best == null) {
                i++;
                continue;
            }
            boolean negated = negatable && i > 0 && words.get(i - 1).sentence() == words.get(i).sentence()
                    && NEGATIONS.contains(words.get(i - 1).text());
            if (!negated) {
                out.add(best);
            }
            i = best.to();
        }
        return out;
    }

    /**
     * The hits that are the draft's own words: a promise inside quotation marks is someone else's ("usted dice que
     * le dijeron «ya le llamaremos»", "you were told 'we'll be in touch'"), quoted to answer it, not made.
     */
    private static List<Hit> unquoted(List<Hit> hits, List<Words.Word> words, int[] quotations) {
        List<Hit> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            if (!Quotations.inside(quotations, words.get(h.from()).start(), words.get(h.to() - 1).end())) {
                out.add(h);
            }
        }
        return out;
    }

    private static boolean overlaps(int a0, int a1, int b0, int b1) {
        return a0 < b1 && b0 < a1;
    }

    private static boolean noJoin(List<Words.Word> words, int from, int to) {
        for (int k = from; k < to; k++) {
            if (JOINS.contains(words.get(k).text())) {
                return false;
            }
        }
        return true;
    }
}
