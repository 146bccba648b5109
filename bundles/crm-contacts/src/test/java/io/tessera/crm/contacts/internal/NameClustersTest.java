package io.tessera.crm.contacts.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class NameClustersTest {

    private static List<List<Integer>> clusters(String... names) {
        List<String> keys = new ArrayList<>();
        for (String n : names) {
            keys.add(MatchKeys.personName(n, null));
        }
        return NameClusters.of(keys);
    }

    @Test
    public void equalTypoInitialAndPatronymicFormOneCluster() {
        assertEquals(List.of(List.of(0, 1, 3, 4, 5)), clusters(
                "Иван Петров", "петров иван", "Ольга Сидорова", "Петорв Иван", "И. Петров", "Петров Иван Иванович"));
    }

    @Test
    public void genderedFormsAndUnrelatedNamesStayApart() {
        assertEquals(List.of(), clusters("Иван Петров", "Иван Петрова", "Valentin Ivanov", "Valentina Ivanov",
                "Ivan Petrovsky"));
    }

    @Test
    public void chainsOfSimilarPairsJoinAndClustersComeInOrder() {
        // "olga sidorova" ~ "o. sidorova" ~ "o. sidorva" (a typo of the initialled one)
        assertEquals(List.of(List.of(0, 3), List.of(1, 2, 4)), clusters(
                "Anna Ivanova", "Olga Sidorova", "O. Sidorova", "Anna Ivanova", "O. Sidorva"));
    }

    @Test
    public void aWordSharedByTooManyNamesStillGroupsEqualNames() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < NameClusters.MAX_BLOCK + 1; i++) {
            keys.add(MatchKeys.personName("Ivan", "Surname" + i + "x"));
        }
        keys.add(MatchKeys.personName("Ivan", "Surname0x"));
        keys.add(MatchKeys.personName("Ivan", "Surnam0x"));
        List<List<Integer>> clusters = NameClusters.of(keys);
        // "ivan" is too common to compare by, but "surname0x" and the typo share no other word: only the equal pair
        assertEquals(List.of(List.of(0, NameClusters.MAX_BLOCK + 1)), clusters);
    }
}
