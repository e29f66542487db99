using System;
using System.IO;
using Spectre.Console;

namespace NanoSnn.Cli.Commands
{
    /// <summary>
    /// Where a command writes: plain text and JSON go to <see cref="Out"/>, tables to
    /// <see cref="Console"/> (which writes to the same stream), errors to <see cref="Error"/>.
    /// Tests pass their own writers; nothing in the commands touches the static consoles.
    /// </summary>
    public sealed class CliContext
    {
        /// <summary>Creates a context.</summary>
        public CliContext(TextWriter output, TextWriter error, IAnsiConsole console, bool liveProgress)
        {
            Out = output ?? throw new ArgumentNullException(nameof(output));
            Error = error ?? throw new ArgumentNullException(nameof(error));
            Console = console ?? throw new ArgumentNullException(nameof(console));
            LiveProgress = liveProgress;
        }

        /// <summary>Standard output.</summary>
        public readonly TextWriter Out;

        /// <summary>Standard error.</summary>
        public readonly TextWriter Error;

        /// <summary>Rich output (tables, progress) on standard output.</summary>
        public readonly IAnsiConsole Console;

        /// <summary>Whether a live progress bar may be drawn (an interactive terminal, output not redirected).</summary>
        public readonly bool LiveProgress;

        /// <summary>The process's console: colours and progress only when stdout is a terminal.</summary>
        public static CliContext ForProcess()
        {
            bool terminal = !System.Console.IsOutputRedirected;
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(System.Console.Out),
                Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            });
            if (!terminal) console.Profile.Width = 160;
            bool live = terminal && console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;
            return new CliContext(System.Console.Out, System.Console.Error, console, live);
        }

        /// <summary>Plain text to the given writers (no colours, no progress, 160 columns): for tests and embedding.</summary>
        public static CliContext ForWriters(TextWriter output, TextWriter error)
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
            console.Profile.Width = 160;
            return new CliContext(output, error, console, false);
        }
    }
}
