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
 * one group per cluster, ordered by company id and then by the cluster's first contact. Similarity is not an index
 * lookup: the ids of the companies with more than one live named contact are read in one grouped query, then
 * their contacts' name keys {@value #COMPANIES_PER_READ} companies at a time (by the link index), compared in memory,
 * only as far as the page needs. A group is listed only when the caller may see every member.
 */
final class NameInCompanyRule extends DuplicateRules.Rule {
    static final int COMPANIES_PER_READ = 200;
    private static final String FROM = " FROM CON_CONTACT_COMPANY k JOIN CON_CONTACT c ON c.ID = k.CONTACT_ID"
            + " WHERE c.ARCHIVED = ";

    /** One group: the company and its members, with their names. */
    private record Cluster(long companyId, List<Long> ids, List<String> names, boolean sameName) {
    }

    private record Member(long id, String nameKey, String owner, String name) {
    }

    NameInCompanyRule() {
        super(DuplicateService.RULE_NAME_IN_COMPANY);
    }

    @Override
    List<Object> keys(EntityManager em, Caller caller, int offset, int max) {
        List<Long> companies = new ArrayList<>();
        Sql sql = new Sql("SELECT k.COMPANY_ID" + FROM).param(false).add(" AND c.NAME_KEY IS NOT NULL"
                + " GROUP BY k.COMPANY_ID HAVING COUNT(DISTINCT c.ID) > 1 ORDER BY k.COMPANY_ID");
        for (Object r : sql.run(em)) {
            companies.add(((Number) (r instanceof Object[] a ? a[0] : r)).longValue());
        }
        List<Object> out = new ArrayList<>();
        int skip = offset;
        for (int from = 0; from < companies.size() && out.size() < max; from += COMPANIES_PER_READ) {
            List<Long> chunk = companies.subList(from, Math.min(companies.size(), from + COMPANIES_PER_READ));
            Map<Long, List<Member>> members = members(em, chunk);
            for (long company : chunk) {
                for (Cluster c : clusters(company, members.getOrDefault(company, List.of()), caller)) {
                    if (skip > 0) {
                        skip--;
                    } else if (out.size() < max) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    private static Map<Long, List<Member>> members(EntityManager em, List<Long> companies) {
        Sql sql = new Sql("SELECT k.COMPANY_ID, c.ID, c.NAME_KEY, c.OWNER, c.FIRST_NAME, c.LAST_NAME" + FROM)
                .param(false).add(" AND c.NAME_KEY IS NOT NULL AND k.COMPANY_ID IN (").params(companies)
                .add(") ORDER BY k.COMPANY_ID, c.ID");
        Map<Long, List<Member>> out = new HashMap<>();
        for (Object r : sql.run(em)) {
            Object[] row = (Object[]) r;
            out.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(new Member(
                    ((Number) row[1]).longValue(), (String) row[2], (String) row[3],
                    Mapping.displayName((String) row[4], (String) row[5])));
        }
        return out;
    }

    /** The company's clusters the caller may see whole. */
    private static List<Cluster> clusters(long company, List<Member> members, Caller caller) {
        List<Cluster> out = new ArrayList<>();
        for (List<Integer> cluster : NameClusters.of(members.stream().map(Member::nameKey).toList())) {
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
                out.add(new Cluster(company, ids, List.copyOf(names), keys.size() == 1));
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
