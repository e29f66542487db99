using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using NanoSnn.Cli.Commands;

namespace NanoSnn.Cli
{
    /// <summary>Entry point of the <c>nanosnn</c> command.</summary>
    public static class Program
    {
        /// <summary>Runs the command line on the process's console; returns the exit code (0 ok, 1 failure, 2 bad input).</summary>
        public static int Main(string[] args)
        {
            return Run(args, CliContext.ForProcess());
        }

        /// <summary>Runs the command line with output and errors going to the given writers (plain text, no progress bar).</summary>
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            return Run(args, CliContext.ForWriters(output, error));
        }

        /// <summary>Runs the command line in <paramref name="context"/>.</summary>
        public static int Run(string[] args, CliContext context)
        {
            RootCommand root = NanoSnnCommand.Create(context);
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (ParseError error in parse.Errors) context.Error.WriteLine("nanosnn: " + error.Message);
                string path = CommandPath(parse.CommandResult);
                context.Error.WriteLine("Run '" + path + " --help' for usage.");
                return ExitCodes.Usage;
            }
            InvocationConfiguration invocation = new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            };
            return CommandRunner.Guard(context, () => parse.Invoke(invocation));
        }

        private static string CommandPath(CommandResult result)
        {
            string path = "";
            for (SymbolResult r = result; r != null; r = r.Parent)
            {
                CommandResult command = r as CommandResult;
                if (command == null) continue;
                string name = command.Parent == null ? "nanosnn" : command.Command.Name;
                path = path.Length == 0 ? name : name + " " + path;
            }
            return path;
        }
    }
}
