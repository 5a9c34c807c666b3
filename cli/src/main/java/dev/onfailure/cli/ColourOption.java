package dev.onfailure.cli;

import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/** {@code --color}, mixed into the commands that colour their output. */
final class ColourOption {

    static final String NAME = "--color";

    @Option(names = NAME, paramLabel = "WHEN", defaultValue = "auto",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}): when to colour; auto colours on a"
                    + " terminal unless NO_COLOR is set.")
    Choices.Colour when = Choices.Colour.AUTO;

    Ansi ansi(Io io) {
        return when.ansi(io.colour());
    }
}
