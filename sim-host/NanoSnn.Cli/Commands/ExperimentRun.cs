using System;
using System.IO;
using System.Text.Json;
using NanoSnn.Cli.Output;
using NanoSnn.Cli.Plots;

namespace NanoSnn.Cli.Commands
{
    /// <summary>
    /// One invocation of an experiment with what its --plot, --no-plot and --json asked for,
    /// and the steps every experiment takes around its own figures: a progress bar while it
    /// runs, then the figure, then one JSON object or the summary.
    /// </summary>
    internal sealed class ExperimentRun
    {
        private readonly FileInfo _plot;
        private readonly bool _noPlot;

        /// <summary>Creates the run of <paramref name="experiment"/> (its command name, the "experiment" of the JSON object).</summary>
        public ExperimentRun(CliContext context, string experiment, FileInfo plot, bool noPlot, bool json)
        {
            Context = context;
            Experiment = experiment;
            _plot = plot;
            _noPlot = noPlot;
            Json = json;
        }

        /// <summary>Where the summary goes.</summary>
        public readonly CliContext Context;

        /// <summary>The experiment's command name.</summary>
        public readonly string Experiment;

        /// <summary>--json: one JSON object instead of the summary, and no progress bar.</summary>
        public readonly bool Json;

        /// <summary>Runs <paramref name="body"/> with a progress bar up to <paramref name="total"/> (see <see cref="ExperimentCommand.WithProgress{T}"/>).</summary>
        public T Progress<T>(string title, double total, Func<Action<double, string>, T> body)
        {
            return ExperimentCommand.WithProgress(Context, Json, title, total, body);
        }

        /// <summary>
        /// Writes the figure (to --plot, else <paramref name="plotName"/> in the current folder;
        /// not with --no-plot), then with --json one object: "experiment", the fields
        /// <paramref name="json"/> writes, "seconds" (<paramref name="wallSeconds"/>) and "plot";
        /// otherwise <paramref name="summary"/>, which gets the figure's path (null: none).
        /// </summary>
        public int Finish(string plotName, Func<SvgFigure> figure, double wallSeconds, Action<Utf8JsonWriter> json, Action<string> summary)
        {
            string plotPath = ExperimentCommand.PlotPath(_plot, _noPlot, plotName);
            if (plotPath != null) ExperimentCommand.SavePlot(figure(), plotPath);
            if (Json)
            {
                JsonLine.Write(Context.Out, w =>
                {
                    w.WriteString("experiment", Experiment);
                    json(w);
                    w.WriteNumber("seconds", Math.Round(wallSeconds, 3));
                    ExperimentCommand.PlotPathJson(w, plotPath);
                });
            }
            else
            {
                summary(plotPath);
            }
            return ExitCodes.Ok;
        }
    }
}
