using System.CommandLine;
using System.IO;
using NanoSnn.Cli.Inspect;

namespace NanoSnn.Cli.Commands
{
    /// <summary><c>nanosnn inspect FILE</c>: validates a model file and describes it.</summary>
    public static class InspectCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            Argument<FileInfo> file = new Argument<FileInfo>("file") { Description = "Model or checkpoint file (model format v1)" };
            Command command = new Command("inspect",
                "Load a model file, check it (header, length, CRC-32, every field) and print its populations with their parameters, "
                + "its projections with weight statistics, the number formats, the memory footprint and whether it holds a state (checkpoint). "
                + "A file that does not load is reported with the error, field and byte offset (exit code 2).");
            command.Arguments.Add(file);
            command.SetAction(parse => CommandRunner.Guard(context, () => Execute(context, parse.GetValue(file))));
            return command;
        }

        private static int Execute(CliContext context, FileInfo file)
        {
            byte[] data = ModelFiles.Read(file);
            Network network = ModelFiles.Load(data, file.ToString());
            new InspectReport(file.ToString(), new ModelFileHeader(data), network).Write(context.Console);
            return ExitCodes.Ok;
        }
    }
}
