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

        /** Shared key values in order, {@code max} from {@code offset}. */
        abstract List<Object> keys(EntityManager em, Caller caller, int offset, int max);

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
        List<Object> keys(EntityManager em, Caller caller, int offset, int max) {
            Sql sql = new Sql("SELECT " + key + " FROM " + from + " WHERE c.ARCHIVED = ").param(false)
                    .add(" AND " + where + " GROUP BY " + key + " HAVING COUNT(DISTINCT c.ID) > 1");
            mine(sql, caller);
            sql.add(" ORDER BY " + key);
            return sql.page(offset, max).run(em).stream().map(r -> r instanceof Object[] a ? a[0] : r).toList();
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

        /** Standard SQL paging (Derby, PostgreSQL). */
        Sql page(int offset, int max) {
            return add(" OFFSET " + offset + " ROWS FETCH NEXT " + max + " ROWS ONLY");
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
     * A page of groups across the rules in order. The cursor holds the rule and the offset in its keys (opaque to
     * clients).
     */
    static Page<DuplicateGroup> page(EntityManager em, Caller caller, List<Rule> rules, Paging paging) {
        int[] at = decode(paging.cursor(), rules.size());
        int rule = at[0];
        int offset = at[1];
        int need = paging.limit();
        List<DuplicateGroup> out = new ArrayList<>();
        while (rule < rules.size()) {
            List<Object> keys = rules.get(rule).keys(em, caller, offset, need + 1);
            if (keys.size() > need) {
                out.addAll(rules.get(rule).groups(em, caller, keys.subList(0, need)));
                return new Page<>(out, encode(rule, offset + need));
            }
            out.addAll(rules.get(rule).groups(em, caller, keys));
            need -= keys.size();
            rule++;
            offset = 0;
            if (need == 0) {
                for (int r = rule; r < rules.size(); r++) {
                    if (!rules.get(r).keys(em, caller, 0, 1).isEmpty()) {
                        return new Page<>(out, encode(r, 0));
                    }
                }
                return new Page<>(out, null);
            }
        }
        return new Page<>(out, null);
    }

    static String encode(int rule, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + rule + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int[] decode(String cursor, int rules) {
        if (cursor == null) {
            return new int[] {0, 0};
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!plain.startsWith(CURSOR_PREFIX)) {
                throw new IllegalArgumentException(plain);
            }
            String[] parts = plain.substring(CURSOR_PREFIX.length()).split(":");
            int rule = Integer.parseInt(parts[0]);
            int offset = Integer.parseInt(parts[1]);
            if (parts.length != 2 || rule < 0 || rule >= rules || offset < 0) {
                throw new IllegalArgumentException(plain);
            }
            return new int[] {rule, offset};
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new ValidationException("cursor", "is not a cursor this server gave out");
        }
    }
}
