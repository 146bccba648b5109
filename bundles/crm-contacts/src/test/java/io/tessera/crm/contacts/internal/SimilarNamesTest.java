package io.tessera.crm.contacts.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class SimilarNamesTest {
    private static boolean similar(String a, String b) {
        String[] x = a.split(" ", 2);
        String[] y = b.split(" ", 2);
        return SimilarNames.similar(MatchKeys.personName(x[0], x.length > 1 ? x[1] : null),
                MatchKeys.personName(y[0], y.length > 1 ? y[1] : null));
    }

    @Test
    public void sameWordsInAnyOrderCaseAndYo() {
        assertTrue(similar("Ivan Petrov", "petrov  IVAN"));
        assertTrue(similar("Семён Фёдоров", "Семен Федоров"));
    }

    @Test
    public void oneTypoInALongEnoughWord() {
        assertTrue(similar("Ivan Petrov", "Ivan Pertov"));      // swap
        assertTrue(similar("Ivan Petrov", "Ivan Petrow"));      // substitution
        assertTrue(similar("Ivan Petrov", "Ivan Petrovv"));     // insertion
        assertTrue(similar("Александр Смирнов", "Александр Смирнв"));
        assertFalse(similar("Ivan Petrov", "Ivan Sidorov"));
        assertFalse(similar("Ivan Petrov", "Ivam Petrow"));     // two typos
        assertFalse(similar("Ivan Li", "Ivan Lu"));             // short words must be equal
    }

    @Test
    public void initialsAndAPatronymic() {
        assertTrue(similar("I. Petrov", "Ivan Petrov"));
        assertTrue(similar("Ivan Petrov", "Ivan Ivanovich Petrov"));
        assertTrue(similar("Petrov I. I.", "Petrov Ivan Ivanovich"));
        assertFalse(similar("Ivan", "Ivan Ivanovich Petrov"));
        assertFalse(similar("A. Petrov", "Ivan Petrov"));
    }

    @Test
    public void aManAndAWomanAreTwoPeople() {
        assertFalse(similar("Ivan Petrov", "Ivan Petrova"));
        assertFalse(similar("Valentin Orlov", "Valentina Orlov"));
        assertFalse(similar("Elnur Aliyev", "Elnur Aliyeva"));
    }

    @Test
    public void oneWordInCommonIsNeeded() {
        assertFalse(similar("I. P.", "Ivan Petrov"));
        assertFalse(similar("Ivan", "Oleg"));
    }
}
