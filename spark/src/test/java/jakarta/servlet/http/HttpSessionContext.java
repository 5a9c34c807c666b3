package jakarta.servlet.http;

/** Servlet 5's session context, removed in Servlet 6: see {@code jakarta.servlet.SingleThreadModel}. */
@Deprecated
public interface HttpSessionContext {
}
