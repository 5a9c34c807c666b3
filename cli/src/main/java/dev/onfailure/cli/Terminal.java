package dev.onfailure.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether the command talks to a person: decides the progress line, and (through picocli's {@code Ansi.AUTO}, which
 * also honours {@code NO_COLOR}, {@code CLICOLOR_FORCE} and {@code -Dpicocli.ansi}) colour.
 *
 * <p>Up to JDK 21 {@code System.console()} is null unless standard input and output are a terminal. JDK 22 to 24
 * return a console even when the streams are redirected (JDK-8309155) and added {@code Console.isTerminal()} to tell;
 * it is called reflectively because the command is compiled for Java 17.
 */
final class Terminal {

    private static final Method IS_TERMINAL = isTerminalMethod();

    private Terminal() {
    }

    /** Returns true when standard input and output are a terminal, on every JDK. */
    static boolean isInteractive() {
        return isTerminal(System.console());
    }

    static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        if (IS_TERMINAL == null) {
            return true;
        }
        try {
            return (Boolean) IS_TERMINAL.invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a console that cannot say is not trusted to be a terminal: plain output is never wrong
            return false;
        }
    }

    private static Method isTerminalMethod() {
        try {
            return Console.class.getMethod("isTerminal");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
