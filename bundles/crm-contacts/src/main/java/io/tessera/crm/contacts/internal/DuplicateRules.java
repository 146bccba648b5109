package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.DuplicateGroup;
import io.tessera.crm.api.contacts.DuplicateService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.Query;

/**
 * The duplicate rules as GROUP BY queries over the indexed match keys: one group per shared key value, visible only
 * when every member belongs to the caller (or the caller sees all). Only the keys of one page and their members are
 * read, never the whole base. Similar names within a company are a rule of their own ({@link NameInCompanyRule}).
 */
final class DuplicateRules {
    private static final String CURSOR_PREFIX = "d:";

    /** One rule: its groups are the key values that more than one live record shares. */
    abstract static class Rule {
        final String name;

        Rule(String name) {
            this.name = name;
        }

        /**
         * Shared key values in order, at most {@code max}, those after {@code after} (a {@link #position}; null:
         * from the first).
         */
        abstract List<Object> keys(EntityManager em, Caller caller, String after, int max);

        /** Where a key is in the rule's order, for a cursor (keyset paging: a deep page reads only its own keys). */
        abstract String position(Object key);

        /** One group per key, in the keys' order. */
        abstract List<DuplicateGroup> groups(EntityManager em, Caller caller, List<Object> keys);
    }

    /**
     * A rule over one key column (native SQL: EclipseLink mis-reads multi-column selects over basic element
     * collections). {@code from} names the record's table as {@code c} (and any join), {@code key} the shared value,
     * {@code shown} what the reason prints (taken from the oldest member).
     */
    static final class ColumnRule extends Rule {
        private final String from;
        private final String key;
        private final String where;
        private final String shown;
        private final String label;

        ColumnRule(String name, String from, String key, String where, String shown, String label) {
            super(name);
            this.from = from;
            this.key = key;
            this.where = where;
            this.shown = shown;
            this.label = label;
        }

        @Override
        List<Object> keys(EntityManager em, Caller caller, String after, int max) {
            Sql sql = new Sql("SELECT " + key + " FROM " + from + " WHERE c.ARCHIVED = ").param(false)
                    .add(" AND " + where);
            if (after != null) {
                sql.add(" AND " + key + " > ").param(after);
            }
            sql.add(" GROUP BY " + key + " HAVING COUNT(DISTINCT c.ID) > 1");
            mine(sql, caller);
            sql.add(" ORDER BY " + key);
            return sql.first(max).run(em).stream().map(r -> r instanceof Object[] a ? a[0] : r).toList();
        }

        @Override
        String position(Object key) {
            return (String) key;
        }

        @Override
        List<DuplicateGroup> groups(EntityManager em, Caller caller, List<Object> keys) {
            if (keys.isEmpty()) {
                return List.of();
            }
            Sql sql = new Sql("SELECT " + key + ", c.ID, " + shown + " FROM " + from + " WHERE c.ARCHIVED = ")
                    .param(false).add(" AND " + key + " IN (").params(keys).add(") ORDER BY " + key + ", c.ID");
            Map<Object, List<Long>> ids = new HashMap<>();
            Map<Object, String> first = new HashMap<>();
            for (Object r : sql.run(em)) {
                Object[] row = (Object[]) r;
                List<Long> list = ids.computeIfAbsent(row[0], k -> new ArrayList<>());
                Long id = ((Number) row[1]).longValue();
                if (!list.contains(id)) {
                    list.add(id);
                }
                first.putIfAbsent(row[0], String.valueOf(row[2]));
            }
            List<DuplicateGroup> out = new ArrayList<>();
            for (Object k : keys) {
                out.add(new DuplicateGroup(ids.getOrDefault(k, List.of()), "same " + label + " " + first.get(k), name));
            }
            return out;
        }
    }

    static List<Rule> contactRules() {
        return List.of(
                new ColumnRule(DuplicateService.RULE_EMAIL,
                        "CON_CONTACT c JOIN CON_CONTACT_EMAIL x ON x.CONTACT_ID = c.ID", "x.EMAIL",
                        "x.EMAIL IS NOT NULL", "x.EMAIL", "email"),
                new ColumnRule(DuplicateService.RULE_PHONE,
                        "CON_CONTACT c JOIN CON_CONTACT_PHONE p ON p.CONTACT_ID = c.ID", "p.MATCH_KEY",
                        "p.MATCH_KEY <> ''", "p.PHONE", "phone"),
                new NameInCompanyRule());
    }

    static List<Rule> companyRules() {
        return List.of(
                new ColumnRule(DuplicateService.RULE_TAX_ID, "CON_COMPANY c", "c.TAX_KEY", "c.TAX_KEY IS NOT NULL",
                        "c.TAX_ID", "tax id"),
                new ColumnRule(DuplicateService.RULE_DOMAIN, "CON_COMPANY c", "c.WEB_DOMAIN",
                        "c.WEB_DOMAIN IS NOT NULL", "c.WEB_DOMAIN", "domain"),
                new ColumnRule(DuplicateService.RULE_NAME, "CON_COMPANY c", "c.NAME_KEY", "c.NAME_KEY IS NOT NULL",
                        "c.NAME", "name"));
    }

    /** A native statement with numbered parameters. */
    static final class Sql {
        private final StringBuilder text;
        private final List<Object> params = new ArrayList<>();

        Sql(String start) {
            text = new StringBuilder(start);
        }

        Sql add(String s) {
            text.append(s);
            return this;
        }

        Sql param(Object value) {
            params.add(value);
            text.append('?').append(params.size());
            return this;
        }

        Sql params(Collection<?> values) {
            boolean first = true;
            for (Object v : values) {
                if (!first) {
                    text.append(", ");
                }
                param(v);
                first = false;
            }
            return this;
        }

        /** Standard SQL (Derby, PostgreSQL). */
        Sql first(int max) {
            return add(" FETCH FIRST " + max + " ROWS ONLY");
        }

        @SuppressWarnings("unchecked")
        List<Object> run(EntityManager em) {
            Query q = em.createNativeQuery(text.toString());
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(i + 1, params.get(i));
            }
            return q.getResultList();
        }
    }

    /** Every member must be the caller's own: the smallest and the largest owner are the caller. */
    private static void mine(Sql sql, Caller caller) {
        if (!caller.seesAll()) {
            sql.add(" AND MIN(c.OWNER) = ").param(caller.username()).add(" AND MAX(c.OWNER) = ")
                    .param(caller.username());
        }
    }

    /**
     * A page of groups across the rules in order. The cursor holds the rule and the position of the last group given
     * in it (opaque to clients).
     */
    static Page<DuplicateGroup> page(EntityManager em, Caller caller, List<Rule> rules, Paging paging) {
        Cursor at = decode(paging.cursor(), rules.size());
        int rule = at.rule();
        String after = at.after();
        int need = paging.limit();
        List<DuplicateGroup> out = new ArrayList<>();
        while (rule < rules.size()) {
            Rule r = rules.get(rule);
            List<Object> keys = r.keys(em, caller, after, need + 1);
            if (keys.size() > need) {
                out.addAll(r.groups(em, caller, keys.subList(0, need)));
                return new Page<>(out, encode(rule, r.position(keys.get(need - 1))));
            }
            out.addAll(r.groups(em, caller, keys));
            need -= keys.size();
            rule++;
            after = null;
            if (need == 0) {
                for (int next = rule; next < rules.size(); next++) {
                    if (!rules.get(next).keys(em, caller, null, 1).isEmpty()) {
                        return new Page<>(out, encode(next, null));
                    }
                }
                return new Page<>(out, null);
            }
        }
        return new Page<>(out, null);
    }

    /** A decoded cursor: the rule to go on with, and the position of the last group given in it (null: none). */
    record Cursor(int rule, String after) {
    }

    static String encode(int rule, String after) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + rule + ":"
                + (after == null ? "" : "=" + after)).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor, int rules) {
        if (cursor == null) {
            return new Cursor(0, null);
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.startsWith(CURSOR_PREFIX) ? plain.substring(CURSOR_PREFIX.length()).split(":", 2)
                    : new String[0];
            int rule = parts.length == 2 ? Integer.parseInt(parts[0]) : -1;
            if (rule < 0 || rule >= rules || !parts[1].isEmpty() && !parts[1].startsWith("=")) {
                throw badCursor();
            }
            return new Cursor(rule, parts[1].isEmpty() ? null : parts[1].substring(1));
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
    }

    static ValidationException badCursor() {
        return new ValidationException("cursor", "is not a cursor this server gave out");
    }
}
