package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.contacts.DuplicateGroup;
import io.tessera.crm.api.contacts.DuplicateService;
import io.tessera.crm.contacts.internal.DuplicateRules.Sql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;

/**
 * Contacts linked to the same company with similar names ({@link SimilarNames}, grouped by {@link NameClusters}):
 * one group per cluster, ordered by company id and then by the cluster's first contact; a position is the company
 * id and the cluster's place in it. Similarity is not an index lookup: the ids of the companies from the position on
 * with more than one live named contact are read in one grouped query, then their contacts' name keys
 * {@value #COMPANIES_PER_READ} companies at a time (by the link index), compared in memory, only as far as the page
 * needs. A group is listed only when the caller may see every member.
 */
final class NameInCompanyRule extends DuplicateRules.Rule {
    static final int COMPANIES_PER_READ = 200;
    private static final int READ_CHUNK = 500;
    private static final String FROM = " FROM CON_CONTACT_COMPANY k JOIN CON_CONTACT c ON c.ID = k.CONTACT_ID"
            + " WHERE c.ARCHIVED = ";

    /** One group: the company, the group's place among the company's groups, its members, with their names. */
    private record Cluster(long companyId, int index, List<Long> ids, List<String> names, boolean sameName) {
    }

    private record Member(long id, String nameKey, String owner, String name) {
    }

    NameInCompanyRule() {
        super(DuplicateService.RULE_NAME_IN_COMPANY);
    }

    @Override
    List<Object> keys(EntityManager em, Caller caller, String after, int max) {
        long fromCompany = Long.MIN_VALUE;
        int givenThrough = -1;
        if (after != null) {
            String[] at = after.split("/");
            try {
                fromCompany = Long.parseLong(at[0]);
                givenThrough = Integer.parseInt(at[1]);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw DuplicateRules.badCursor();
            }
        }
        List<Long> companies = companies(em, fromCompany);
        List<Object> out = new ArrayList<>();
        for (int from = 0; from < companies.size() && out.size() < max; from += COMPANIES_PER_READ) {
            List<Long> chunk = companies.subList(from, Math.min(companies.size(), from + COMPANIES_PER_READ));
            Map<Long, List<Member>> members = members(em, chunk);
            for (long company : chunk) {
                for (Cluster c : clusters(company, members.getOrDefault(company, List.of()), caller)) {
                    boolean given = company == fromCompany && c.index() <= givenThrough;
                    if (!given && out.size() < max) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    @Override
    String position(Object key) {
        Cluster c = (Cluster) key;
        return c.companyId() + "/" + c.index();
    }

    /**
     * The companies from {@code from} on with more than one live named contact, in id order (one grouped query: run
     * per chunk, Derby would group the whole rest of the table each time).
     */
    private static List<Long> companies(EntityManager em, long from) {
        Sql sql = new Sql("SELECT k.COMPANY_ID" + FROM).param(false).add(" AND c.NAME_KEY IS NOT NULL"
                + " AND k.COMPANY_ID >= ").param(from)
                .add(" GROUP BY k.COMPANY_ID HAVING COUNT(DISTINCT c.ID) > 1 ORDER BY k.COMPANY_ID");
        List<Long> out = new ArrayList<>();
        for (Object r : sql.run(em)) {
            out.add(((Number) (r instanceof Object[] a ? a[0] : r)).longValue());
        }
        return out;
    }

    /**
     * The live named contacts of the companies, in id order: the links by the link table's company index, then the
     * contacts by primary key (two index reads; Derby scans the tables when the two are joined with an IN list).
     */
    private static Map<Long, List<Member>> members(EntityManager em, List<Long> companies) {
        Map<Long, List<Long>> linked = new HashMap<>();
        for (Object[] r : MatchQueries.keyed(em, "CON_CONTACT_COMPANY", "CON_CONTACT_COMPANY_IX", "CONTACT_ID",
                "COMPANY_ID", companies)) {
            linked.computeIfAbsent(((Number) r[1]).longValue(), k -> new ArrayList<>()).add(((Number) r[0]).longValue());
        }
        List<Long> ids = linked.values().stream().flatMap(List::stream).distinct().toList();
        Map<Long, Member> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += READ_CHUNK) {
            for (Object[] r : em.createQuery("SELECT c.id, c.nameKey, c.owner, c.firstName, c.lastName"
                            + " FROM ContactEntity c WHERE c.id IN :ids AND c.archived = false AND c.nameKey IS NOT NULL",
                    Object[].class).setParameter("ids", Preloads.padded(
                    ids.subList(from, Math.min(ids.size(), from + READ_CHUNK)))).getResultList()) {
                byId.put((Long) r[0], new Member((Long) r[0], (String) r[1], (String) r[2],
                        Mapping.displayName((String) r[3], (String) r[4])));
            }
        }
        Map<Long, List<Member>> out = new HashMap<>();
        linked.forEach((company, contactIds) -> out.put(company, contactIds.stream().sorted().map(byId::get)
                .filter(java.util.Objects::nonNull).toList()));
        return out;
    }

    /** The company's clusters the caller may see whole. */
    private static List<Cluster> clusters(long company, List<Member> members, Caller caller) {
        List<Cluster> out = new ArrayList<>();
        List<List<Integer>> all = NameClusters.of(members.stream().map(Member::nameKey).toList());
        for (int index = 0; index < all.size(); index++) {
            List<Integer> cluster = all.get(index);
            List<Long> ids = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            Set<String> keys = new LinkedHashSet<>();
            boolean visible = true;
            for (int i : cluster) {
                Member m = members.get(i);
                ids.add(m.id());
                names.add(m.name());
                keys.add(m.nameKey());
                visible &= caller.mayAccess(m.owner());
            }
            if (visible) {
                out.add(new Cluster(company, index, ids, List.copyOf(names), keys.size() == 1));
            }
        }
        return out;
    }

    @Override
    List<DuplicateGroup> groups(EntityManager em, Caller caller, List<Object> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<Long, String> companyNames = new HashMap<>();
        List<Long> companyIds = keys.stream().map(k -> ((Cluster) k).companyId()).distinct().toList();
        for (Object[] row : em.createQuery("SELECT co.id, co.name, co.owner FROM CompanyEntity co"
                + " WHERE co.id IN :ids", Object[].class).setParameter("ids", companyIds).getResultList()) {
            if (caller.mayAccess((String) row[2])) {
                companyNames.put((Long) row[0], (String) row[1]);
            }
        }
        List<DuplicateGroup> out = new ArrayList<>();
        for (Object k : keys) {
            Cluster c = (Cluster) k;
            String where = companyNames.getOrDefault(c.companyId(), "#" + c.companyId());
            String reason = c.sameName() ? "same name " + c.names().get(0)
                    : "similar names " + String.join(", ", c.names());
            out.add(new DuplicateGroup(c.ids(), reason + " in company " + where, name));
        }
        return out;
    }
}
