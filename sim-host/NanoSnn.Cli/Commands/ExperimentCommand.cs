using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using NanoSnn.Cli.Plots;
using Spectre.Console;

namespace NanoSnn.Cli.Commands
{
    /// <summary>
    /// <c>nanosnn experiment NAME</c>: the learning experiments of the project (e-prop pattern
    /// generation and classification, distal reward, homeostasis) with a progress bar, a
    /// summary, an optional JSON object and an SVG figure.
    /// </summary>
    public static class ExperimentCommand
    {
        /// <summary>Builds the command with its subcommands.</summary>
        public static Command Create(CliContext context)
        {
            Command command = new Command("experiment",
                "Run one of the learning experiments and report its metrics: eprop-pattern, eprop-classify, distal-reward, homeostasis. "
                + "Each prints a summary (or one JSON object with --json) and writes an SVG figure. The experiments measure; "
                + "the exit code is 0 whatever the outcome, 1 only if the run itself fails.");
            command.Subcommands.Add(EpropPatternCommand.Create(context));
            command.Subcommands.Add(EpropClassifyCommand.Create(context));
            command.Subcommands.Add(DistalRewardCommand.Create(context));
            command.Subcommands.Add(HomeostasisCommand.Create(context));
            return command;
        }

        /// <summary>
        /// Builds an experiment's subcommand: its own <paramref name="options"/>, then the --plot,
        /// --no-plot and --json every experiment has (<paramref name="plotWhat"/> says what the
        /// figure shows, <paramref name="plotDefault"/> describes its default file); the action
        /// runs <paramref name="execute"/> with the parse result and the <see cref="ExperimentRun"/>.
        /// </summary>
        internal static Command Define(CliContext context, string name, string description, Option[] options, string plotWhat, string plotDefault,
            string jsonDescription, Func<ParseResult, ExperimentRun, int> execute)
        {
            Option<FileInfo> plot = CliOptions.File("--plot", "Write an SVG figure of " + plotWhat + " to FILE (default: " + plotDefault
                + " in the current folder; folders are created)");
            Option<bool> noPlot = new Option<bool>("--no-plot") { Description = "Do not write the SVG figure" };
            Option<bool> json = CliOptions.Json(jsonDescription);
            Command command = new Command(name, description);
            foreach (Option option in options) command.Options.Add(option);
            command.Options.Add(plot);
            command.Options.Add(noPlot);
            command.Options.Add(json);
            command.SetAction(parse => CommandRunner.Guard(context, () =>
                execute(parse, new ExperimentRun(context, name, parse.GetValue(plot), parse.GetValue(noPlot), parse.GetValue(json)))));
            return command;
        }

        /// <summary>The path the figure goes to: --plot, else <paramref name="defaultName"/> in the current folder; null with --no-plot.</summary>
        internal static string PlotPath(FileInfo plot, bool noPlot, string defaultName)
        {
            if (noPlot) return null;
            return plot != null ? plot.FullName : Path.Combine(Directory.GetCurrentDirectory(), defaultName);
        }

        /// <summary>Writes <paramref name="figure"/> to <paramref name="path"/> (if not null), turning I/O errors into exit code 1.</summary>
        internal static void SavePlot(SvgFigure figure, string path)
        {
            if (path == null) return;
            try
            {
                figure.Save(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException)
            {
                throw CommandFailure.Runtime("cannot write the plot " + path + ": " + e.Message, e);
            }
        }

        /// <summary>
        /// Runs <paramref name="body"/>, which reports (value, status) as it goes. With a live
        /// console and without --json the reports drive a progress bar up to <paramref name="total"/>;
        /// otherwise they are ignored.
        /// </summary>
        internal static T WithProgress<T>(CliContext context, bool json, string title, double total, Func<Action<double, string>, T> body)
        {
            if (!context.LiveProgress || json) return body((value, status) => { });
            T result = default;
            context.Console.Progress()
                .AutoClear(true)
                .Columns(new ProgressColumn[]
                {
                    new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                    new ElapsedTimeColumn(), new RemainingTimeColumn(),
                })
                .Start(progress =>
                {
                    ProgressTask task = progress.AddTask(Markup.Escape(title), true, total);
                    result = body((value, status) =>
                    {
                        task.Value = Math.Min(total, value);
                        task.Description = Markup.Escape(status);
                    });
                    task.Value = total;
                });
            return result;
        }

        /// <summary>Writes a number, or null when it is NaN or infinite (JSON has no NaN).</summary>
        internal static void Number(Utf8JsonWriter writer, string name, double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value)) writer.WriteNull(name);
            else writer.WriteNumber(name, value);
        }

        /// <summary>Writes an array of numbers (NaN as null).</summary>
        internal static void Numbers(Utf8JsonWriter writer, string name, double[] values)
        {
            writer.WriteStartArray(name);
            foreach (double v in values)
            {
                if (double.IsNaN(v) || double.IsInfinity(v)) writer.WriteNullValue();
                else writer.WriteNumberValue(v);
            }
            writer.WriteEndArray();
        }

        /// <summary>The plot path for JSON (null when none).</summary>
        internal static void PlotPathJson(Utf8JsonWriter writer, string path)
        {
            if (path == null) writer.WriteNull("plot");
            else writer.WriteString("plot", path);
        }

        /// <summary>Invariant formatting with a .NET format string; NaN prints as "n/a".</summary>
        internal static string Format(double value, string format)
        {
            return double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
        }

        /// <summary>A two-column metric table.</summary>
        internal static Table MetricTable(string title)
        {
            Table table = new Table().Title(Markup.Escape(title));
            table.AddColumn("metric");
            table.AddColumn(new TableColumn("value").RightAligned());
            return table;
        }

        /// <summary>Adds a row (plain text, escaped).</summary>
        internal static void Row(Table table, string metric, string value)
        {
            table.AddRow(Markup.Escape(metric), Markup.Escape(value));
        }
    }
}
