package io.tessera.crm.importer.internal;

import io.tessera.crm.api.imports.ImportOptions.Entity;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One data row turned into normalised values (a contact or a company), or the first problem found with the column it
 * is in. Names are trimmed with inner spaces collapsed, phones in E.164, emails trimmed and lower-cased.
 */
final class Draft {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** Runs of whitespace (no-break spaces too) other than a single space. */
    static final Pattern INNER_SPACE = Pattern.compile("[\\s\\u00A0]{2,}|[\\t\\n\\x0B\\f\\r\\u00A0]");
    /** Between the values of a cell; Google Contacts' export joins them with " ::: ". */
    private static final Pattern SPLIT = Pattern.compile("[,;\\n]+|:::");
    private static final Pattern PHONE_SPLIT = Pattern.compile("[,;/\\n]+|\\s{2,}|:::");
    /** Between company names, which may hold commas ("Smith, Jones & Co"); the export joins them with "; ". */
    private static final Pattern COMPANY_SPLIT = Pattern.compile("[;\\n]+");
    /** The most companies one row may name; {@link ImportRowEntity} keeps the ones created for it in 2,000 chars. */
    static final int MAX_COMPANIES = 100;
    /** A mail program's name before an address, in quotes, and the name and brackets around one. */
    private static final Pattern QUOTED_NAME = Pattern.compile("\"[^\"]*\"");
    private static final Pattern NAMED_ADDRESS = Pattern.compile("[^,;\\n<>]*<([^<>]*)>");
    /** Outlook's export writes a birthday nobody entered as "0/0/00". */
    private static final Pattern NO_DATE = Pattern.compile("[0./-]+");
    /** Google Contacts' export of a birthday entered without its year. */
    private static final Pattern NO_YEAR = Pattern.compile("--[0-9]{2}-[0-9]{2}");

    // contact fields
    String firstName;
    String lastName;
    String position;
    /** The first company the row names: the one its deal goes to and its name is compared within. */
    String company;
    /** Every company the row names, the first one first, each once (ignoring case). */
    List<String> companies = List.of();
    LocalDate birthday;
    String source;
    // company fields
    String name;
    String legalName;
    String taxId;
    String industry;
    String website;
    String street;
    String city;
    String region;
    String postalCode;
    String country;
    String domain;
    // both
    String notes;
    String owner;
    final List<String> phones = new ArrayList<>();
    final List<String> emails = new ArrayList<>();
    final Set<String> tags = new LinkedHashSet<>();
    final Map<String, Object> customFields = new LinkedHashMap<>();

    /** The optional deal and task of the row. */
    final FollowUp followUp = new FollowUp();
    /** The company the row's contact was linked to when the row was decided (for the row's deal). */
    Long linkedCompanyId;

    /** Set when the row cannot be imported: the column header and the reason. */
    String badColumn;
    String problem;

    /** The column each field came from, to name the column of a service's validation error. */
    final Map<String, String> columnOf = new LinkedHashMap<>();

    /** "First Last" of a contact row, null when both are empty. */
    String fullName() {
        String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return full.isEmpty() ? null : full;
    }

    boolean rejected() {
        return problem != null;
    }

    /** What the row's report says of values not kept as they were written; the row is not refused for them. */
    List<String> reportNotes = List.of();

    private void reportNote(String note) {
        if (reportNotes.isEmpty()) {
            reportNotes = new ArrayList<>(2);
        }
        reportNotes.add(note);
    }

    private void reject(String column, String message) {
        if (problem == null) {
            badColumn = column;
            problem = message;
        }
    }

    static Draft parse(Entity entity, List<String> header, List<String> fields, List<String> cells,
                       PhoneNormalizer phonesNormalizer) {
        Draft d = new Draft();
        String middleName = null;
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (field == null) {
                continue;
            }
            String column = header.get(i);
            String raw = i < cells.size() ? cells.get(i) : "";
            String text = clean(raw);
            if (text == null) {
                continue;
            }
            d.columnOf.putIfAbsent(field.startsWith(ColumnMapping.CUSTOM) ? "customFields" : field, column);
            switch (field) {
                case "firstName" -> d.firstName = d.limit(column, text, 100);
                case "lastName" -> d.lastName = d.limit(column, text, 100);
                case "middleName" -> middleName = text;
                case "fullName" -> d.fullName(column, text);
                case "position" -> d.position = d.limit(column, text, 200);
                case "company" -> d.company(column, text);
                case "companies" -> d.companies(column, raw);
                case "name" -> d.name = d.limit(column, text, 200);
                case "legalName" -> d.legalName = d.limit(column, text, 300);
                case "industry" -> d.industry = d.limit(column, text, 100);
                case "street" -> d.street = d.limit(column, text, 200);
                case "city" -> d.city = d.limit(column, text, 100);
                case "region" -> d.region = d.limit(column, text, 100);
                case "postalCode" -> d.postalCode = d.limit(column, text, 20);
                case "country" -> d.country = d.limit(column, text, 100);
                case "source" -> d.source = d.limit(column, text, 100);
                case "owner" -> d.owner = d.limit(column, text, 100);
                case "notes" -> d.notes = d.limit(column, raw.strip(), 10000);
                case "taxId" -> d.taxId(column, text);
                case "website" -> d.website(column, text);
                case "birthday" -> d.birthday(column, text);
                case "phones" -> d.phones(column, raw, phonesNormalizer);
                case "emails" -> d.emails(column, raw);
                case "tags" -> d.tags(column, raw);
                case "dealTitle", "dealAmount", "dealCurrency", "dealStage", "taskTitle", "taskDue" ->
                        d.followUp.set(field, column, text, d::reject);
                default -> {
                    if (field.startsWith(ColumnMapping.CUSTOM)) {
                        d.customFields.put(field.substring(ColumnMapping.CUSTOM.length()), customValue(text));
                    }
                }
            }
        }
        d.followUp.finish(d::reject);
        if (middleName != null && d.firstName != null) {
            d.firstName = d.firstName + " " + middleName;
        }
        if (!d.rejected()) {
            if (entity == Entity.COMPANIES && d.name == null) {
                d.reject(d.firstColumn("name", header, fields), "the company name is empty");
            } else if (entity == Entity.CONTACTS && d.firstName == null && d.lastName == null) {
                d.reject(d.firstColumn("firstName", header, fields), "the name is empty");
            }
        }
        return d;
    }

    private String firstColumn(String field, List<String> header, List<String> fields) {
        for (String f : List.of(field, "fullName", "lastName", "firstName")) {
            int i = fields.indexOf(f);
            if (i >= 0) {
                return header.get(i);
            }
        }
        return null;
    }

    /** Trimmed, inner whitespace collapsed, null when blank. */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        return needsSpacesCleaned(s) ? INNER_SPACE.matcher(s).replaceAll(" ") : s;
    }

    /**
     * Whether {@link #INNER_SPACE} finds anything: most cells have none, and the matcher costs more than this loop
     * (1.6% of the import thread when a file updates its cards, which compares every cell with the stored value).
     */
    private static boolean needsSpacesCleaned(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0'
                    || (c == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    private String limit(String column, String text, int max) {
        if (text.length() > max) {
            reject(column, "is longer than " + max + " characters");
            return null;
        }
        return text;
    }

    /** "Petrov Ivan Ivanovich" (Russian order, three words) or "Ivan Petrov". */
    private void fullName(String column, String text) {
        String[] parts = text.split(" ");
        if (parts.length == 1) {
            firstName = limit(column, parts[0], 100);
        } else if (parts.length == 3 && looksPatronymic(parts[2])) {
            lastName = limit(column, parts[0], 100);
            firstName = limit(column, parts[1] + " " + parts[2], 100);
        } else {
            firstName = limit(column, parts[0], 100);
            lastName = limit(column, text.substring(parts[0].length() + 1), 100);
        }
    }

    private static boolean looksPatronymic(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.endsWith("вич") || w.endsWith("вна") || w.endsWith("ична") || w.endsWith("инична")
                || w.endsWith("oğlu") || w.endsWith("qızı");
    }

    private void taxId(String column, String text) {
        String t = text.replace(" ", "");
        if (!t.matches("[0-9A-Za-z-]{4,20}")) {
            reject(column, "is not a tax id");
            return;
        }
        taxId = t;
    }

    private void website(String column, String text) {
        String d = domainOf(text);
        if (d == null) {
            reject(column, "is not a web address");
            return;
        }
        website = limit(column, text, 300);
        domain = d;
    }

    /** "https://www.Acme.com/x" gives "acme.com"; null when not a web address. */
    static String domainOf(String website) {
        String candidate = website.contains("://") ? website : "http://" + website;
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (!scheme.equals("http") && !scheme.equals("https") || host == null || !host.contains(".")) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private void birthday(String column, String text) {
        if (NO_DATE.matcher(text).matches()) {
            return;
        }
        if (NO_YEAR.matcher(text).matches()) {
            // a contact is not refused for it: a Google export has many such birthdays
            reportNote("birthday " + text + " has no year: not kept (map the column to a custom field to keep it)");
            return;
        }
        LocalDate date = CellDates.parse(text, true);
        if (date == null) {
            reject(column, "is not a date (use YYYY-MM-DD or DD.MM.YYYY)");
        } else if (date.isAfter(LocalDate.now())) {
            reject(column, "is in the future");
        } else {
            birthday = date;
        }
    }

    private void phones(String column, String raw, PhoneNormalizer normalizer) {
        for (String part : PHONE_SPLIT.split(raw)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            PhoneNormalizer.Phone phone = normalizer.parse(p);
            if (phone == null) {
                reject(column, "'" + p + "' is not a phone number");
                return;
            }
            String e164 = phone.e164();
            if (phone.extension() != null) {
                reportNote("extension " + phone.extension() + " of " + e164 + " is not kept");
            }
            if (!phones.contains(e164)) {
                phones.add(e164);
            }
        }
        if (phones.size() > 20) {
            reject(column, "more than 20 phone numbers");
        }
    }

    private void emails(String column, String raw) {
        if (raw.indexOf('<') >= 0) {
            // "Иван Петров <ivan@example.ru>", "\"Petrov, Ivan\" <ivan@example.ru>": the address without its name
            raw = NAMED_ADDRESS.matcher(QUOTED_NAME.matcher(raw).replaceAll("")).replaceAll("$1");
        }
        for (String part : SPLIT.split(raw)) {
            String e = part.strip().toLowerCase(Locale.ROOT);
            if (e.startsWith("mailto:")) {
                e = e.substring(7);
            }
            if (e.isEmpty()) {
                continue;
            }
            if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
                reject(column, "'" + part.strip() + "' is not an e-mail address");
                return;
            }
            if (!emails.contains(e)) {
                emails.add(e);
            }
        }
        if (emails.size() > 20) {
            reject(column, "more than 20 e-mail addresses");
        }
    }

    private void companies(String column, String raw) {
        for (String part : COMPANY_SPLIT.split(raw)) {
            String name = clean(part);
            if (name != null) {
                company(column, name);
            }
        }
    }

    private void company(String column, String text) {
        String name = limit(column, text, 200);
        if (name == null || companies.stream().anyMatch(name::equalsIgnoreCase)) {
            return;
        }
        if (companies.size() == MAX_COMPANIES) {
            reject(column, "names more than " + MAX_COMPANIES + " companies");
            return;
        }
        if (companies.isEmpty()) {
            companies = new ArrayList<>(2);
            company = name;
        }
        companies.add(name);
    }

    private void tags(String column, String raw) {
        for (String part : SPLIT.split(raw)) {
            String t = part.strip().toLowerCase(Locale.ROOT);
            if (t.isEmpty() || t.startsWith("* ")) {
                continue; // Google Contacts' own groups ("* myContacts", "* starred") are not the user's tags
            }
            if (t.length() > 50) {
                reject(column, "tag '" + t + "' is longer than 50 characters");
                return;
            }
            tags.add(t);
        }
    }

    /** Numbers and booleans keep their type; everything else is text. */
    static Object customValue(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
        }
        if (text.matches("-?[0-9]{1,15}")) {
            return Long.valueOf(text);
        }
        if (text.matches("-?[0-9]{1,15}\\.[0-9]{1,10}")) {
            return new BigDecimal(text);
        }
        return text;
    }
}
