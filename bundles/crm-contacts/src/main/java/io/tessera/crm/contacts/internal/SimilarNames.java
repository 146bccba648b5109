package io.tessera.crm.contacts.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * When two people's names are "similar" for duplicate detection within one company (their name keys, see
 * {@link MatchKeys#personName}, are compared): the same words in any order; or, for the same number of words, one
 * word with one typo (insertion, deletion, substitution or swap of neighbours; words of four letters or more) and
 * any number of initials ("i." or "i" for "ivan"); or one word more on one side (a patronymic or middle name) with
 * every other word the same or an initial. At least one word must be the same on both sides. A word and the same
 * word with an "a" added ("petrov"/"petrova") are two people, not a typo.
 */
final class SimilarNames {
    private static final int MIN_TYPO_LENGTH = 4;

    private SimilarNames() {
    }

    static boolean similar(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        List<String> shorter = words(a);
        List<String> longer = words(b);
        if (shorter.size() > longer.size()) {
            List<String> t = shorter;
            shorter = longer;
            longer = t;
        }
        int extra = longer.size() - shorter.size();
        if (extra > 1 || extra == 1 && shorter.size() < 2) {
            return false;
        }
        List<String> rest = new ArrayList<>(longer);
        List<String> unmatched = new ArrayList<>();
        for (String w : shorter) {
            if (!rest.remove(w)) {
                unmatched.add(w);
            }
        }
        if (unmatched.size() == shorter.size()) {
            return false; // not one word in common
        }
        int typos = 0;
        for (String w : unmatched) {
            String partner = initialPartner(w, rest);
            if (partner == null && extra == 0 && typos == 0) {
                partner = typoPartner(w, rest);
                typos += partner == null ? 0 : 1;
            }
            if (partner == null) {
                return false;
            }
            rest.remove(partner);
        }
        return true;
    }

    /** The words of a name key (an initial's dot dropped): two similar names have at least one in common. */
    static List<String> words(String key) {
        List<String> out = new ArrayList<>();
        for (String w : key.split(" ")) {
            String word = w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        return out;
    }

    /** A word of {@code candidates} that {@code w} is the initial of, or that is the initial of {@code w}. */
    private static String initialPartner(String w, List<String> candidates) {
        for (String c : candidates) {
            if (w.length() == 1 && c.charAt(0) == w.charAt(0) || c.length() == 1 && w.charAt(0) == c.charAt(0)) {
                return c;
            }
        }
        return null;
    }

    private static String typoPartner(String w, List<String> candidates) {
        for (String c : candidates) {
            if (w.length() >= MIN_TYPO_LENGTH && c.length() >= MIN_TYPO_LENGTH && oneEditApart(w, c)
                    && !genderPair(w, c)) {
                return c;
            }
        }
        return null;
    }

    /** "petrov"/"petrova", "valentin"/"valentina": two people (a man and a woman), not a typo. */
    private static boolean genderPair(String x, String y) {
        String longer = x.length() > y.length() ? x : y;
        String shorter = x.length() > y.length() ? y : x;
        char last = longer.charAt(longer.length() - 1);
        return longer.length() == shorter.length() + 1 && longer.startsWith(shorter) && (last == 'a' || last == 'а');
    }

    /** One insertion, deletion, substitution or swap of two neighbouring letters turns one word into the other. */
    static boolean oneEditApart(String x, String y) {
        if (Math.abs(x.length() - y.length()) > 1 || x.equals(y)) {
            return false;
        }
        int i = 0;
        while (i < x.length() && i < y.length() && x.charAt(i) == y.charAt(i)) {
            i++;
        }
        if (x.length() == y.length()) {
            if (x.substring(i + 1).equals(y.substring(i + 1))) {
                return true; // substitution
            }
            return i + 1 < x.length() && x.charAt(i) == y.charAt(i + 1) && x.charAt(i + 1) == y.charAt(i)
                    && x.substring(i + 2).equals(y.substring(i + 2)); // swap
        }
        String longer = x.length() > y.length() ? x : y;
        String shorter = x.length() > y.length() ? y : x;
        return longer.substring(i + 1).equals(shorter.substring(i));
    }
}
