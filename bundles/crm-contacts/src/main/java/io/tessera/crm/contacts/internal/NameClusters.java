package io.tessera.crm.contacts.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the people of one company whose names are similar ({@link SimilarNames}), following chains of similar
 * pairs. Only names that share a word are compared (every similar pair shares one), so a company's names are not
 * compared all with all; a word shared by more than {@value #MAX_BLOCK} names (a very common first name in a very
 * large company) is not compared by: those names still group by the other words they share, and equal names always.
 */
final class NameClusters {
    static final int MAX_BLOCK = 1000;

    private NameClusters() {
    }

    /**
     * The clusters of more than one name, as indexes into {@code nameKeys} ascending, ordered by their first index.
     */
    static List<List<Integer>> of(List<String> nameKeys) {
        int[] parent = new int[nameKeys.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> sameName = new HashMap<>();
        Map<String, List<Integer>> byWord = new HashMap<>();
        for (int i = 0; i < nameKeys.size(); i++) {
            String key = nameKeys.get(i);
            Integer equal = sameName.putIfAbsent(key, i);
            if (equal != null) {
                union(parent, equal, i);
                continue; // an equal name has been blocked already
            }
            for (String w : SimilarNames.words(key)) {
                byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> block : byWord.values()) {
            if (block.size() > MAX_BLOCK) {
                continue;
            }
            for (int a = 0; a < block.size(); a++) {
                for (int b = a + 1; b < block.size(); b++) {
                    int x = block.get(a);
                    int y = block.get(b);
                    if (find(parent, x) != find(parent, y) && SimilarNames.similar(nameKeys.get(x), nameKeys.get(y))) {
                        union(parent, x, y);
                    }
                }
            }
        }
        // a set's root is its smallest index, so the clusters come out ordered by their first index
        Map<Integer, List<Integer>> clusters = new LinkedHashMap<>();
        for (int i = 0; i < parent.length; i++) {
            clusters.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> c : clusters.values()) {
            if (c.size() > 1) {
                out.add(c);
            }
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
