package io.tessera.crm.importer.internal;

import io.tessera.crm.api.imports.ImportOptions.Entity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which field each column feeds. Headers are matched case-, space- and punctuation-insensitively against English,
 * Russian and Azerbaijani synonyms; a header {@code custom:<key>} (or an explicit mapping to
 * {@code customFields.<key>}) is a custom field; an explicit mapping wins over the header; {@code ignore} drops a
 * column. Columns no field was found for are listed as unmapped (reported, not imported).
 */
final class ColumnMapping {
    static final String CUSTOM = "customFields.";
    static final String IGNORE = "ignore";
    /**
     * "Title" is the position, unless another column names it: Outlook's export has "Title" for the salutation
     * ("Mr.", "Dr.") and "Job Title" for the position.
     */
    private static final String BARE_TITLE = "title";
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    static final Set<String> CONTACT_FIELDS = Set.of("firstName", "lastName", "middleName", "fullName", "position",
            "phones", "emails", "company", "companies", "birthday", "notes", "tags", "source", "owner", "dealTitle",
            "dealAmount", "dealCurrency", "dealStage", "taskTitle", "taskDue");
    static final Set<String> COMPANY_FIELDS = Set.of("name", "legalName", "taxId", "industry", "website", "phones",
            "emails", "tags", "owner", "street", "city", "region", "postalCode", "country", "dealTitle",
            "dealAmount", "dealCurrency", "dealStage", "taskTitle", "taskDue");

    /** Normalised header -> field, for contacts and for companies (where "name" is the company name). */
    private static final Map<String, String> CONTACT_SYNONYMS = new HashMap<>();
    private static final Map<String, String> COMPANY_SYNONYMS = new HashMap<>();

    static {
        both("phones", "phone", "phones", "telephone", "tel", "mobile", "mobile phone", "cell", "work phone",
                "телефон", "телефоны", "тел", "мобильный", "мобильный телефон", "сотовый", "рабочий телефон",
                "telefon", "mobil", "mobil telefon", "telefon nömrəsi", "telefon nomresi");
        // Outlook's and Google Contacts' exports name several phone columns
        both("phones", "home phone", "business phone", "other phone", "primary phone", "company main phone",
                "car phone", "phone value");
        // and Bitrix24's and amoCRM's
        both("phones", "домашний телефон", "другой телефон", "личный телефон", "сотовый телефон",
                "рабочий прямой телефон", "телефон для рассылок");
        both("emails", "рабочий email", "личный email", "частный email", "другой email", "email для рассылок",
                "рабочая почта", "личная почта");
        both("emails", "email", "e-mail", "emails", "e-mail address", "email address", "email value", "mail", "почта",
                "электронная почта", "эл почта", "эл. почта", "e-почта", "емейл", "имейл", "elektron poçt",
                "elektron poct", "e-poçt", "poçt");
        both("tags", "tags", "tag", "labels", "categories", "теги", "тег", "метки", "ярлыки", "категории", "teqlər",
                "teqler", "etiketlər");
        both("owner", "owner", "responsible", "ответственный", "владелец", "menecer", "məsul", "sahib");
        contact("notes", "notes", "note", "comment", "comments", "description", "комментарий", "примечание",
                "примечания", "заметки", "описание", "qeyd", "qeydlər", "şərh");
        contact("firstName", "first name", "firstname", "given name", "имя", "ad", "adı");
        contact("lastName", "last name", "lastname", "surname", "family name", "фамилия", "soyad", "soyadı");
        contact("middleName", "middle name", "отчество", "ata adı", "ata adi");
        contact("fullName", "name", "full name", "fullname", "contact", "contact name", "person", "фио", "ф.и.о.",
                "контакт", "контактное лицо", "имя фамилия", "полное имя", "ad soyad", "tam ad", "əlaqə şəxsi");
        contact("position", "position", "title", "job title", "role", "должность", "позиция", "vəzifə", "vezife",
                "organization title", "organization 1 - title");
        contact("company", "company", "company name", "organization", "organisation", "account", "компания",
                "организация", "контрагент", "название компании", "şirkət", "sirket", "şirkət adı", "təşkilat",
                "organization name", "organization 1 - name");
        // several companies in one cell, separated by ';' or line breaks (the contacts export's "companies")
        contact("companies", "companies", "organizations", "organisations", "accounts", "компании", "организации",
                "şirkətlər", "sirketler");
        contact("birthday", "birthday", "birth date", "date of birth", "dob", "день рождения", "дата рождения",
                "doğum tarixi", "dogum tarixi", "ad günü");
        contact("source", "source", "lead source", "источник", "канал", "mənbə", "menbe");
        company("name", "name", "company", "company name", "organization", "organisation", "account", "компания",
                "организация", "наименование", "название", "название компании", "контрагент", "şirkət", "sirket",
                "şirkət adı", "təşkilat", "ad", "organization name");
        company("legalName", "legal name", "full legal name", "полное наименование", "юридическое название",
                "юр название", "hüquqi ad");
        company("taxId", "tax id", "taxid", "inn", "vat", "vat number", "tin", "инн", "унп", "бин", "voen", "vöen");
        // a company's address: one column for the whole of it ("Адрес") goes to the street; an export's address.*
        company("street", "address", "street", "street address", "address street", "адрес", "юридический адрес",
                "фактический адрес", "почтовый адрес", "адрес компании", "улица", "ünvan", "hüquqi ünvan", "küçə");
        company("city", "city", "town", "address city", "город", "населенный пункт", "şəhər", "seher");
        company("region", "region", "state", "province", "address region", "регион", "область", "край",
                "субъект рф", "rayon");
        company("postalCode", "postal code", "postcode", "zip", "zip code", "address postalcode", "индекс",
                "почтовый индекс", "poçt indeksi", "poct indeksi");
        company("country", "country", "address country", "страна", "ölkə", "olke");
        company("industry", "industry", "sector", "отрасль", "сфера", "сфера деятельности", "sahə", "sahe");
        company("website", "website", "web site", "site", "url", "web", "www", "сайт", "веб-сайт", "вебсайт",
                "sayt", "veb sayt", "internet saytı");
        contact("tags", "tags");
        both("dealTitle", "deal", "deal name", "deal title", "opportunity", "сделка", "название сделки",
                "sövdələşmə", "sovdelesme");
        both("dealAmount", "amount", "deal amount", "budget", "deal value", "сумма", "сумма сделки", "бюджет",
                "məbləğ", "mebleg");
        both("dealCurrency", "currency", "валюта", "valyuta");
        both("dealStage", "stage", "deal stage", "этап", "стадия", "этап сделки", "mərhələ", "merhele");
        both("taskTitle", "task", "next step", "to do", "задача", "следующий шаг", "tapşırıq", "tapsiriq");
        both("taskDue", "due", "due date", "deadline", "task due", "срок", "крайний срок", "срок задачи",
                "son tarix", "müddət");
    }

    private static void both(String field, String... names) {
        contact(field, names);
        company(field, names);
    }

    private static void contact(String field, String... names) {
        for (String n : names) {
            CONTACT_SYNONYMS.putIfAbsent(key(n), field);
        }
    }

    private static void company(String field, String... names) {
        for (String n : names) {
            COMPANY_SYNONYMS.putIfAbsent(key(n), field);
        }
    }

    /** Lower case, with spaces, '-', '_', '.', ':' and quotes removed: "E-Mail " and "email" are one key. */
    static String key(String header) {
        String lower = header.strip().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char ch = lower.charAt(i);
            if (ch == 'ё') {
                ch = 'е';
            }
            if (!Character.isWhitespace(ch) && ch != '-' && ch != '_' && ch != '.' && ch != ':' && ch != '"'
                    && ch != '\'' && ch != '*' && ch != '\ufeff') {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /**
     * The field of "Телефон 2", "E-mail 3 Address", "Phone 1 - Value": a further column of phones or e-mails. Other
     * fields hold one value, and a number in their header says something else ("Сумма 2024").
     */
    private static String numbered(Map<String, String> synonyms, String key) {
        String field = synonyms.get(DIGITS.matcher(key).replaceAll(""));
        return "phones".equals(field) || "emails".equals(field) ? field : null;
    }

    /** The field of each column (null when unmapped or ignored), and the unmapped headers. */
    record Result(List<String> fields, List<String> unmapped) {
        /** How many columns name a field. */
        int named() {
            return (int) fields.stream().filter(f -> f != null).count();
        }
    }

    /** Why a file whose header names no field cannot be imported, and what would name one. */
    static String noFieldNamed(Entity entity, List<String> header) {
        String columns = String.join(", ", header.stream().map(String::strip).filter(h -> !h.isEmpty()).toList());
        return entity == Entity.COMPANIES
                ? "no column of the file names a field of companies (its columns: " + columns + "): use headers "
                        + "such as Name, Tax id, Website, Phone (Название, ИНН, Сайт, Телефон) or a mapping"
                : "no column of the file names a field of contacts (its columns: " + columns + "): use headers "
                        + "such as Name, Phone, E-mail, Company (Имя, Телефон, E-mail, Компания) or a mapping";
    }

    /** A problem with the explicit mapping: the header it names and why. */
    record Problem(String column, String message) {
    }

    static List<Problem> check(Entity entity, Map<String, String> explicit) {
        List<Problem> problems = new ArrayList<>();
        Set<String> fields = entity == Entity.COMPANIES ? COMPANY_FIELDS : CONTACT_FIELDS;
        explicit.forEach((column, field) -> {
            String f = field == null ? "" : field.strip();
            if (f.startsWith(CUSTOM)) {
                if (f.length() == CUSTOM.length() || f.length() > CUSTOM.length() + 100) {
                    problems.add(new Problem(column, "custom field key must have 1 to 100 characters"));
                }
            } else if (!f.equals(IGNORE) && !fields.contains(f)) {
                problems.add(new Problem(column, "unknown field '" + field + "'"));
            }
        });
        return problems;
    }

    static Result map(Entity entity, List<String> header, Map<String, String> explicit) {
        Map<String, String> synonyms = entity == Entity.COMPANIES ? COMPANY_SYNONYMS : CONTACT_SYNONYMS;
        Map<String, String> explicitByKey = new HashMap<>();
        explicit.forEach((column, field) -> explicitByKey.put(key(column), field.strip()));
        List<String> fields = new ArrayList<>(header.size());
        List<String> unmapped = new ArrayList<>();
        int bareTitle = -1;
        for (String raw : header) {
            String h = raw == null ? "" : raw.strip().replace("\ufeff", "");
            String key = key(h);
            String field = explicitByKey.get(key);
            if (field == null && key.equals(BARE_TITLE)) {
                bareTitle = fields.size();
            }
            if (field == null) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("custom:") && h.length() > 7) {
                    field = CUSTOM + h.substring(7).strip();
                } else {
                    field = synonyms.get(key);
                }
                if (field == null) {
                    field = numbered(synonyms, key);
                }
            }
            if (field == null) {
                if (!h.isEmpty()) {
                    unmapped.add(h);
                }
                fields.add(null);
            } else {
                fields.add(field.equals(IGNORE) ? null : field);
            }
        }
        if (bareTitle >= 0 && "position".equals(fields.get(bareTitle))
                && fields.stream().filter("position"::equals).count() > 1) {
            fields.set(bareTitle, null);
            unmapped.add(header.get(bareTitle).strip());
        }
        return new Result(fields, unmapped);
    }
}
