package jakarta.servlet;

/**
 * Servlet 5's marker, removed in Servlet 6. The tests run S3Proxy (Jetty 12: Servlet 6) beside Spark (Jetty 11:
 * Servlet 5, which checks servlets for this marker); with Servlet 6 on the test classpath, this keeps Spark starting.
 * Test classpath only.
 */
@Deprecated
public interface SingleThreadModel {
}
