package dev.sereno.engine.internal;

import dev.sereno.engine.ExamplesReader;
import dev.sereno.policy.DraftCommitment;
import dev.sereno.policy.Finding;
import dev.sereno.text.ExampleModel;
import dev.sereno.text.PhraseFinder;
import dev.sereno.text.time.TimeResolver;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The examples reader inside the policy's own reading of a draft (issue 11): what the model finds, put through the
 * policy's exceptions for that kind as the lists' own findings are ({@link PhraseFinder#excepts}), and left out
 * where the lists already found that kind in the sentence (their span is the more precise). Internal API.
 */
final class ModelReading {
    /** The model's kind for a promise made without a time, read by the rule that warns about it (G32, G37). */
    static final String UNTIMED = "UNTIMED_COMMITMENT";

    private ModelReading() {
    }

    /**
     * The model's findings in the draft that stand: each of source {@value ExamplesReader#NAME}, spanning the sentence
     * that weighed most, in the order of the model's kinds.
     *
     * @param finder      the policy's phrase finder of the draft's language, compiled from its lists
     * @param listed      what the lists found in the same draft
     * @param commitments the promises the draft makes, as the commitment lists read them
     * @param times       the times of the draft's language, for a promise the model finds, resolved at {@code now} in
     *                    {@code zone} (only whether the sentence names one matters)
     */
    static List<Finding> read(ExampleModel model, PhraseFinder finder, String draft, List<Finding> listed,
                              List<DraftCommitment> commitments, TimeResolver times, Instant now, ZoneId zone) {
        List<ExampleModel.Hit> hits = model.read(draft);
        if (hits.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>(hits.size());
        for (ExampleModel.Hit h : hits) {
            if (listedIn(listed, h)) {
                continue;
            }
            if (UNTIMED.equals(h.kind()) && promiseRead(draft, h, commitments, times, now, zone)) {
                continue;
            }
            int[] word = strongestWord(model, draft, h);
            if (finder.excepts(h.kind(), draft, h.start(), h.end(), word[0], word[1])
                    || alternativeFollows(finder, h.kind(), word[1], listed, commitments)) {
                continue;
            }
            out.add(new Finding(h.kind(), draft.substring(h.start(), h.end()), h.start(), h.end(), ExamplesReader.NAME));
        }
        return out;
    }

    /**
     * For a kind the lists cancel when something follows it ({@code [KIND unless-followed-by]}: the rule stated, then
     * an alternative), an alternative that the policy's own readers find after the word that weighed most: a remedy
     * the lists name ({@code REMEDY_*}: "it is our policy to refund within 14 days") or a promise with a time. The
     * lists' follow-ups are phrases ("but I can offer"); the model, which flags a sentence, needs what they mean.
     */
    static boolean alternativeFollows(PhraseFinder lists, String kind, int after, List<Finding> listed,
                                      List<DraftCommitment> commitments) {
        // asked of the finder, which has each list's header compiled: the lexicon itself is not made at a start that
        // reads the stored finder, and is not made for this
        if (!lists.cancelledWhenFollowed(kind)) {
            return false;
        }
        for (Finding f : listed) {
            if (f.kind().startsWith("REMEDY_") && f.start() >= after) {
                return true;
            }
        }
        for (DraftCommitment c : commitments) {
            if (c.timed() && c.start() >= after) {
                return true;
            }
        }
        return false;
    }

    /**
     * A promise without a time that the model finds in a sentence where the commitment lists already read a promise
     * (timed: it is kept to that time; untimed: it has its warning already) or where the sentence names a time
     * ("le llamaremos el lunes", the promise in words the lists do not know): the model's sentence-wide finding would
     * warn about a time the draft gives, or warn twice.
     */
    static boolean promiseRead(String draft, ExampleModel.Hit h, List<DraftCommitment> commitments, TimeResolver times,
                               Instant now, ZoneId zone) {
        for (DraftCommitment c : commitments) {
            if (c.start() < h.end() && c.end() > h.start()) {
                return true;
            }
        }
        return !times.find(draft.substring(h.start(), h.end()), now, zone).isEmpty();
    }

    /** The lists found the hit's kind in words overlapping its sentence. */
    private static boolean listedIn(List<Finding> listed, ExampleModel.Hit h) {
        for (Finding f : listed) {
            if (f.kind().equals(h.kind()) && f.start() < h.end() && f.end() > h.start()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The word of the hit's sentence that weighs most for its kind: the one whose leaving out (blanked, so that the
     * other words keep their places) lowers the sentence's score the most; the first of equals. Where the lists'
     * exceptions look for a negation before a match, or an alternative after it, they look around this word.
     * Found only for a hit, a few model readings of one sentence.
     *
     * @return its start and end in the draft
     */
    static int[] strongestWord(ExampleModel model, String draft, ExampleModel.Hit h) {
        int k = model.kinds().indexOf(h.kind());
        char[] sentence = draft.substring(h.start(), h.end()).toCharArray();
        double whole = model.scores(new String(sentence))[k];
        int[] best = {h.start(), h.start()};
        double bestDrop = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sentence.length; ) {
            if (!Character.isLetterOrDigit(sentence[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j < sentence.length && (Character.isLetterOrDigit(sentence[j]) || sentence[j] == '\''
                    || sentence[j] == '\u2019')) {
                j++;
            }
            char[] without = sentence.clone();
            java.util.Arrays.fill(without, i, j, ' ');
            double drop = whole - model.scores(new String(without))[k];
            if (drop > bestDrop) {
                bestDrop = drop;
                best = new int[] {h.start() + i, h.start() + j};
            }
            i = j;
        }
        return best;
    }
}
