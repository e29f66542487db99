using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using NanoSnn.Cli.Fit;
using NanoSnn.Cli.Output;
using Spectre.Console;

namespace NanoSnn.Cli.Commands
{
    /// <summary><c>nanosnn fit [FILE] --board NAME</c>: whether a model and its runtime buffers fit a board's heap budget.</summary>
    public static class FitCommand
    {
        /// <summary>Exit code when the network does not fit.</summary>
        public const int DoesNotFit = 1;

        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            Argument<FileInfo> file = new Argument<FileInfo>("file")
            {
                Description = "Model file (model format v1 or v2); without it, a template network from --inputs/--rec/--outputs/--learning",
                Arity = ArgumentArity.ZeroOrOne,
            };
            Option<string> board = new Option<string>("--board") { Description = "Board name: a folder of boards/ with a board.json (e.g. esp32-devkitc)", Required = true, HelpName = "NAME" };
            Option<DirectoryInfo> boards = new Option<DirectoryInfo>("--boards") { Description = "The boards folder (default: boards/ found above the working directory or the program)", HelpName = "DIR" };
            Option<int> inputs = CliOptions.Int("--inputs", "Template: input channels", 8, 1, Population.MaxSize);
            Option<int> rec = CliOptions.Int("--rec", "Template: recurrent LIF neurons", 96, 1, Population.MaxSize);
            Option<int> outputs = CliOptions.Int("--outputs", "Template: readout units", 2, 1, Population.MaxSize);
            Option<string> learning = CliOptions.Choice("--learning", "Template: learning rule (e-prop factorized or exact on input, recurrent and output weights; R-STDP on the recurrent weights)",
                "none", "none", "eprop", "eprop-exact", "rstdp");
            Option<string> shape = CliOptions.Choice("--shape", "Also find the largest network of this shape that fits: 'rec' scales the recurrent (LIF and ALIF) "
                + "populations - all of them in proportion to the largest - keeping inputs, readouts, neuron parameters, dense projections dense, sparse ones at "
                + "their synapses per source neuron, and the learning rules; it binary-searches the largest size whose budget (below) fits and the core still "
                + "builds (its worst-case input bound of 2^30 can stop a dense network first)", null, "rec");
            Option<int> telemetry = CliOptions.Int("--telemetry-bytes", "Telemetry frame buffer; -1 = the writer's default for the network (1,024 B or one worst-case record), 0 = no telemetry",
                -1, -1, TelemetryFormat.MaxFrameBytes);
            Option<bool> json = CliOptions.Json("Print one JSON object (fits, total_bytes, budget_bytes, largest, ...) instead of tables");
            Command command = new Command("fit",
                "Check whether a network fits a board. Needed bytes = the network's parameters and state (Network.FootprintBytes: weights, connectivity, neuron "
                + "state, and the learning rules' parameters, traces and eligibilities) + a checkpoint buffer as large as the model file with state + the "
                + "checkpoint store's own buffers (" + (CheckpointStore.OverheadBytes + FitBudget.FlashEraseBufferBytes) + " B: CRC-32C table, scratch, header, flash erase buffer) + the "
                + "telemetry frame buffer + a runtime overhead estimated as " + FitBudget.FixedOverheadBytes + " B plus " + FitBudget.OverheadPerObjectBytes
                + " B per population, projection and rule (nanoCLR object and array headers). It fits when that is at most the board's model_budget_bytes "
                + "(boards/NAME/board.json); the rest of the managed heap is left to the CLR and drivers. It also says whether the two checkpoint slot files "
                + "fit the board's checkpoint_flash_bytes (if not, the firmware runs with checkpoints disabled; this does not change the exit code). "
                + "Exit codes: 0 fits, 1 does not fit, 2 bad input (unknown board: the available ones are listed).");
            command.Arguments.Add(file);
            foreach (Option o in new Option[] { board, boards, inputs, rec, outputs, learning, shape, telemetry, json }) command.Options.Add(o);
            command.SetAction(parse => CommandRunner.Guard(context, () => Execute(context, parse.GetValue(file), parse.GetValue(board), parse.GetValue(boards),
                parse.GetValue(inputs), parse.GetValue(rec), parse.GetValue(outputs), parse.GetValue(learning), parse.GetValue(shape), parse.GetValue(telemetry),
                parse.GetValue(json))));
            return command;
        }

        private sealed class Largest
        {
            public int Size;
            public Network Network;
            public FitBudget Budget;
            public string Limit;
        }

        private static int Execute(CliContext context, FileInfo file, string boardName, DirectoryInfo boardsDir, int inputs, int rec, int outputs,
            string learning, string shape, int telemetry, bool json)
        {
            BoardProfile board = LoadBoard(boardName, boardsDir);
            Network network;
            string source;
            if (file != null)
            {
                network = ModelFiles.Load(ModelFiles.Read(file), file.ToString());
                source = file.ToString();
            }
            else
            {
                try
                {
                    network = NetworkScaler.Template(inputs, rec, outputs, learning);
                }
                catch (ModelException e)
                {
                    throw CommandFailure.Usage("the template cannot be built: " + e.Message, e);
                }
                source = "template: " + inputs + " inputs, " + rec + " LIF, " + outputs + " readouts, learning " + learning;
            }
            FitBudget budget = new FitBudget(network, telemetry);
            bool fits = budget.TotalBytes <= board.ModelBudgetBytes;

            Largest largest = null;
            NetworkScaler scaler = null;
            if (shape != null)
            {
                try
                {
                    scaler = new NetworkScaler(network);
                }
                catch (ArgumentException e)
                {
                    throw CommandFailure.Usage((file == null ? "" : file + ": ") + "cannot scale: " + e.Message, e);
                }
                largest = FindLargest(scaler, board.ModelBudgetBytes, telemetry);
            }
            if (json) WriteJson(context.Out, source, board, budget, fits, network, scaler, largest);
            else WriteTables(context.Console, source, board, budget, fits, network, scaler, largest);
            return fits ? ExitCodes.Ok : DoesNotFit;
        }

        private static BoardProfile LoadBoard(string name, DirectoryInfo given)
        {
            string folder = BoardProfile.FindBoardsFolder(given == null ? null : given.FullName);
            List<string> available = BoardProfile.Available(folder);
            if (folder == null || available.Count == 0)
                throw CommandFailure.Usage("no boards folder with a board.json found" + (given == null ? " above the working directory; pass --boards DIR" : " in " + given));
            if (!available.Contains(name))
                throw CommandFailure.Usage("unknown board '" + name + "'; available boards: " + string.Join(", ", available));
            string path = Path.Combine(folder, name, "board.json");
            try
            {
                return BoardProfile.Parse(File.ReadAllText(path), path);
            }
            catch (FormatException e)
            {
                throw CommandFailure.Usage(e.Message, e);
            }
            catch (IOException e)
            {
                throw CommandFailure.Runtime("cannot read " + path + ": " + e.Message, e);
            }
        }

        /// <summary>Binary search of the largest size whose network builds and whose budget fits.</summary>
        private static Largest FindLargest(NetworkScaler scaler, long budgetBytes, int telemetry)
        {
            string Try(int size, out Network network, out FitBudget budget)
            {
                network = null;
                budget = null;
                if (2 * scaler.Synapses(size) > budgetBytes) return "memory";
                try
                {
                    network = scaler.Build(size);
                }
                catch (ModelException)
                {
                    return "the core's worst-case input bound (fan-in x max weight x 2^shift < 2^30)";
                }
                budget = new FitBudget(network, telemetry);
                return budget.TotalBytes <= budgetBytes ? null : "memory";
            }

            if (Try(1, out Network n1, out FitBudget b1) != null) return null;
            int lo = 1, hi = Population.MaxSize;
            Network best = n1;
            FitBudget bestBudget = b1;
            string limit = Try(hi, out Network nh, out FitBudget bh);
            if (limit == null) return new Largest { Size = hi, Network = nh, Budget = bh, Limit = "the population size limit (" + Population.MaxSize + ")" };
            while (hi - lo > 1)
            {
                int mid = lo + (hi - lo) / 2;
                string why = Try(mid, out Network n, out FitBudget b);
                if (why == null)
                {
                    lo = mid;
                    best = n;
                    bestBudget = b;
                }
                else
                {
                    hi = mid;
                    limit = why;
                }
            }
            return new Largest { Size = lo, Network = best, Budget = bestBudget, Limit = limit };
        }

        private static string Sizes(Network network)
        {
            List<string> parts = new List<string>();
            foreach (Population p in network.Populations)
                if (p.Kind == PopulationKind.Lif || p.Kind == PopulationKind.Alif) parts.Add(p.Name + " " + Units.Count(p.Size));
            return string.Join(" + ", parts);
        }

        private static string Percent(long part, long whole)
        {
            return Units.Fixed(100.0 * part / whole, 1) + " %";
        }

        private static void WriteTables(IAnsiConsole console, string source, BoardProfile board, FitBudget b, bool fits, Network network, NetworkScaler scaler, Largest largest)
        {
            console.WriteLine("nanosnn fit: " + source + " on " + board.Name + " (" + board.Module + (board.Psram ? ", PSRAM" : ", no PSRAM") + ")");
            Table t = new Table().Title("memory on the device");
            t.AddColumn("item");
            t.AddColumn(new TableColumn("bytes").RightAligned());
            t.AddRow("network parameters (weights, connectivity)", Units.Count(b.ParameterBytes));
            t.AddRow("network state (neurons)", Units.Count(b.StateBytes));
            t.AddRow(Markup.Escape("learning rules (" + b.Rules + ": parameters, traces, eligibilities)"), Units.Count(b.RuleBytes));
            t.AddRow("checkpoint buffer (model file with state)", Units.Count(b.CheckpointBytes));
            t.AddRow("checkpoint store (CRC-32C table, scratch, header; flash erase buffer)", Units.Count(b.CheckpointStoreBytes));
            t.AddRow("telemetry frame buffer", Units.Count(b.TelemetryBytes));
            t.AddRow("runtime overhead (estimate)", Units.Count(b.OverheadBytes));
            t.AddRow("total", Units.Count(b.TotalBytes));
            t.AddRow("model budget of " + board.Name, Units.Count(board.ModelBudgetBytes));
            console.Write(t);
            long spare = board.ModelBudgetBytes - b.TotalBytes;
            console.WriteLine(fits
                ? "fits: " + Units.Count(spare) + " B to spare (" + Percent(b.TotalBytes, board.ModelBudgetBytes) + " of the model budget, "
                    + Percent(b.TotalBytes, board.ManagedHeapBytes) + " of the " + Units.Count(board.ManagedHeapBytes) + " B managed heap)"
                : "does NOT fit: " + Units.Count(-spare) + " B over the model budget (" + Percent(b.TotalBytes, board.ModelBudgetBytes) + ")");
            console.WriteLine(FlashLine(board, b));
            if (scaler != null)
            {
                if (largest == null) console.WriteLine("largest 'rec' shape that fits: none (even 1 recurrent neuron exceeds the budget)");
                else
                    console.WriteLine("largest 'rec' shape that fits: " + Sizes(largest.Network) + " (now " + Sizes(network) + "), "
                        + Units.Count(largest.Network.SynapseCount) + " synapses, " + Units.Count(largest.Budget.TotalBytes) + " B in all; the next size up is stopped by "
                        + largest.Limit);
            }
        }

        private static bool? CheckpointsFitFlash(BoardProfile board, FitBudget b)
        {
            return board.CheckpointFlashBytes > 0 ? 2 * b.CheckpointSlotBytes <= board.CheckpointFlashBytes : null;
        }

        private static string FlashLine(BoardProfile board, FitBudget b)
        {
            string slots = "flash: 2 checkpoint slot files of " + Units.Count(b.CheckpointSlotBytes) + " B (" + Units.Count(2 * b.CheckpointSlotBytes) + " B)";
            bool? fits = CheckpointsFitFlash(board, b);
            if (fits == null) return slots + "; " + board.Name + " gives no checkpoint_flash_bytes to check them against";
            return slots + (fits.Value ? " fit " : " do NOT fit ") + board.Name + "'s checkpoint flash budget of " + Units.Count(board.CheckpointFlashBytes) + " B"
                + (fits.Value ? "" : ": the firmware would run with checkpoints disabled");
        }

        private static void WriteJson(TextWriter output, string source, BoardProfile board, FitBudget b, bool fits, Network network, NetworkScaler scaler, Largest largest)
        {
            JsonLine.Write(output, w =>
            {
                w.WriteString("network", source);
                w.WriteString("board", board.Name);
                w.WriteBoolean("fits", fits);
                w.WriteNumber("parameter_bytes", b.ParameterBytes);
                w.WriteNumber("state_bytes", b.StateBytes);
                w.WriteNumber("rule_bytes", b.RuleBytes);
                w.WriteNumber("footprint_bytes", network.FootprintBytes);
                w.WriteNumber("checkpoint_bytes", b.CheckpointBytes);
                w.WriteNumber("checkpoint_store_bytes", b.CheckpointStoreBytes);
                w.WriteNumber("checkpoint_slot_bytes", b.CheckpointSlotBytes);
                if (board.CheckpointFlashBytes > 0)
                {
                    w.WriteNumber("checkpoint_flash_bytes", board.CheckpointFlashBytes);
                    w.WriteBoolean("checkpoints_fit_flash", CheckpointsFitFlash(board, b).Value);
                }
                w.WriteNumber("telemetry_bytes", b.TelemetryBytes);
                w.WriteNumber("overhead_bytes", b.OverheadBytes);
                w.WriteNumber("total_bytes", b.TotalBytes);
                w.WriteNumber("budget_bytes", board.ModelBudgetBytes);
                w.WriteNumber("spare_bytes", board.ModelBudgetBytes - b.TotalBytes);
                w.WriteNumber("managed_heap_bytes", board.ManagedHeapBytes);
                if (scaler == null) return;
                if (largest == null)
                {
                    w.WriteNull("largest");
                    return;
                }
                w.WriteStartObject("largest");
                w.WriteString("shape", "rec");
                w.WriteNumber("size", largest.Size);
                w.WriteStartObject("populations");
                foreach (Population p in largest.Network.Populations) w.WriteNumber(p.Name, p.Size);
                w.WriteEndObject();
                w.WriteNumber("synapses", largest.Network.SynapseCount);
                w.WriteNumber("total_bytes", largest.Budget.TotalBytes);
                w.WriteString("limit", largest.Limit);
                w.WriteEndObject();
            });
        }
    }
}
