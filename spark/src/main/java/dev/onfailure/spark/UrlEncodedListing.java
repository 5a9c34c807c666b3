package dev.onfailure.spark;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * Makes s3a's listings ask S3 for URL-encoded keys ({@code encoding-type=url}, as the AWS CLI asks), which the SDK
 * decodes again: an S3 key may hold any character, and one that XML 1.0 cannot hold (an escape, most control
 * characters) makes a plain listing's answer unreadable ("Could not parse XML response"), so that one such object
 * would fail the listing of its whole prefix. Hadoop's s3a sends its listings without the parameter.
 *
 * <p>{@code format("onfailure")} and {@link ReportJob} list {@code s3a://} paths with it on a file system instance of
 * their own; to give it to the session's own s3a (for other readers of the same bucket), name it among s3a's audit
 * interceptors:
 *
 * <pre>{@code
 * spark-submit --conf spark.hadoop.fs.s3a.audit.execution.interceptors=dev.onfailure.spark.UrlEncodedListing ...
 * }</pre>
 *
 * <p>It needs the AWS SDK that s3a runs on (in {@code hadoop-aws}'s class path wherever s3a works) and is loaded by
 * name only, so nothing else in this module needs the SDK.
 */
public final class UrlEncodedListing implements ExecutionInterceptor {

    /** This class's name, as s3a's {@code fs.s3a.audit.execution.interceptors} takes it. */
    static final String NAME = "dev.onfailure.spark.UrlEncodedListing";

    /** For s3a, which makes it by reflection. */
    public UrlEncodedListing() {
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof ListObjectsV2Request v2 && v2.encodingType() == null) {
            return v2.toBuilder().encodingType(EncodingType.URL).build();
        }
        if (request instanceof ListObjectsRequest v1 && v1.encodingType() == null) {
            return v1.toBuilder().encodingType(EncodingType.URL).build();
        }
        return request;
    }
}
