package dev.onfailure.validator;

/** The wrappers in which consumers receive failure records (FORMATS.md section 6); the validator unwraps them. */
public enum Envelope {
    /** An SNS notification ({@code "Type": "Notification"}): {@code Message} holds the record as a string. */
    SNS_NOTIFICATION("sns-notification", "SNS notification"),
    /** A Lambda SQS event: each {@code Records[].body} holds a record (or an SNS notification) as a string. */
    SQS_EVENT("sqs-event", "Lambda SQS event"),
    /** A Lambda SNS event: each {@code Records[].Sns.Message} holds a record as a string. */
    SNS_EVENT("sns-event", "Lambda SNS event");

    private final String id;
    private final String title;

    Envelope(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Returns the envelope's id, such as {@code sqs-event}. */
    public String id() {
        return id;
    }

    /** Returns a name for people. */
    public String title() {
        return title;
    }
}
