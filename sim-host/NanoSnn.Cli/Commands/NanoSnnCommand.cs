using System.CommandLine;

namespace NanoSnn.Cli.Commands
{
    /// <summary>The root command: <c>nanosnn run | inspect | bench | experiment | verify | fit | monitor</c>.</summary>
    public static class NanoSnnCommand
    {
        /// <summary>Builds the command tree writing to <paramref name="context"/>.</summary>
        public static RootCommand Create(CliContext context)
        {
            RootCommand root = new RootCommand(
                "nanosnn: simulate, inspect, benchmark and run learning experiments on fixed-point spiking neural networks built from the same core that runs on the ESP32; verify device logs in lockstep, check whether a model fits a board, monitor telemetry.");
            root.Subcommands.Add(RunCommand.Create(context));
            root.Subcommands.Add(InspectCommand.Create(context));
            root.Subcommands.Add(BenchCommand.Create(context));
            root.Subcommands.Add(ExperimentCommand.Create(context));
            root.Subcommands.Add(VerifyCommand.Create(context));
            root.Subcommands.Add(FitCommand.Create(context));
            root.Subcommands.Add(MonitorCommand.Create(context));
            return root;
        }
    }
}
