package io.tessera.crm.api;

/**
 * EventAdmin topics and property names of the CRM. Every change to a client record is announced on
 * {@code tessera/crm/<entity>/<ACTION>} after its transaction committed; the timeline and optional modules listen here
 * instead of calling into the bundle that made the change.
 */
public final class CrmEvents {
    public static final String TOPIC_PREFIX = "tessera/crm/";
    /** Subscribe to this to hear every CRM event. */
    public static final String ALL_TOPICS = TOPIC_PREFIX + "*";

    public static final String COMPANY = "company";
    public static final String CONTACT = "contact";
    public static final String DEAL = "deal";
    public static final String TASK = "task";
    public static final String NOTE = "note";
    public static final String PIPELINE = "pipeline";

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String ARCHIVED = "ARCHIVED";
    public static final String RESTORED = "RESTORED";
    public static final String REASSIGNED = "REASSIGNED";
    /** A deal entered another stage; carries {@link #PIPELINE_ID}, {@link #STAGE_ID}, {@link #FROM_STAGE_ID}. */
    public static final String STAGE_CHANGED = "STAGE_CHANGED";
    public static final String WON = "WON";
    public static final String LOST = "LOST";
    public static final String REOPENED = "REOPENED";
    public static final String COMPLETED = "COMPLETED";
    /** A task's reminder time has come. */
    public static final String REMINDER = "REMINDER";
    /**
     * A company or contact ({@link #ID}) was merged into another ({@link #SURVIVOR_ID}) and archived; every bundle
     * that refers to it re-points its references to the survivor.
     */
    public static final String MERGED = "MERGED";

    /** String: the entity kind, one of the constants above. */
    public static final String ENTITY = "entity";
    /** Long: the id of the record the event is about. */
    public static final String ID = "id";
    /** String: the user who acted ({@code system} for the server itself). */
    public static final String ACTOR = "actor";
    /** String: the record's owner or assignee after the change. */
    public static final String OWNER = "owner";
    /** String: one human-readable line for the timeline, e.g. "Deal 'Kitchen' moved to Measurements". */
    public static final String SUMMARY = "summary";
    /** java.util.List of Long: the companies the record belongs to (for the timeline). */
    public static final String COMPANY_IDS = "companyIds";
    /** java.util.List of Long: the contacts the record belongs to. */
    public static final String CONTACT_IDS = "contactIds";
    /** java.util.List of Long: the deals the record belongs to. */
    public static final String DEAL_IDS = "dealIds";
    public static final String PIPELINE_ID = "pipelineId";
    public static final String STAGE_ID = "stageId";
    public static final String FROM_STAGE_ID = "fromStageId";
    /**
     * Long: on {@link #MERGED}, the record that stayed and took over the merged one ({@link #ID}). On
     * {@link #RESTORED} of a merged record, the record it had been merged into: the restore undoes that merge, and a
     * bundle that re-pointed references from {@link #ID} to this record at the merge points those still there back.
     */
    public static final String SURVIVOR_ID = "survivorId";

    /**
     * Appended to the action of a single-record topic for a batch event: {@code tessera/crm/deal/CREATED_BATCH}
     * stands for one {@code tessera/crm/deal/CREATED} per record written by one bulk call (the import's). It carries
     * {@link #ENTITY}, {@link #ACTOR} and {@link #RECORDS}. A handler that follows a topic with a wildcard
     * ({@code tessera/crm/deal/*}) receives batch events too and must read them record by record.
     */
    public static final String BATCH_SUFFIX = "_BATCH";
    /**
     * Property of a batch event: a {@code java.util.List} with one {@code java.util.Map<String, Object>} per record,
     * holding exactly the properties that record's single event would carry.
     */
    public static final String RECORDS = "records";

    private CrmEvents() {
    }

    public static String topic(String entity, String action) {
        return TOPIC_PREFIX + entity + "/" + action;
    }
}
