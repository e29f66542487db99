using System.CommandLine;
using System.IO;
using NanoSnn.Cli.Inspect;
using NanoSnn.Cli.Persistence;

namespace NanoSnn.Cli.Commands
{
    /// <summary><c>nanosnn inspect PATH</c>: validates a model file, a checkpoint slot file or a checkpoint store directory and describes the model.</summary>
    public static class InspectCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            Argument<FileInfo> file = new Argument<FileInfo>("path")
            {
                Description = "Model or checkpoint file (model format), a checkpoint slot file (" + CheckpointStore.RegionFileName(0)
                    + ") or a checkpoint store directory holding " + CheckpointStore.RegionFileName(0) + " and " + CheckpointStore.RegionFileName(1),
            };
            Command command = new Command("inspect",
                "Load a model file, check it (header, length, CRC-32, every field) and print its populations with their parameters, "
                + "its projections with weight statistics, its learning rules, the number formats, the memory footprint and whether it holds "
                + "a state (checkpoint). "
                + "Given a checkpoint store directory (or one slot file), check both A/B slots as the device does at boot, say which slot "
                + "is loaded and why the other is not, and describe the loaded model. "
                + "A file that does not load is reported with the error, field and byte offset (exit code 2).");
            command.Arguments.Add(file);
            command.SetAction(parse => CommandRunner.Guard(context, () => Execute(context, parse.GetValue(file))));
            return command;
        }

        private static int Execute(CliContext context, FileInfo file)
        {
            string path = file.ToString();
            if (Directory.Exists(file.FullName))
            {
                FileBlockStore store = FileBlockStore.OpenExisting(file.FullName);
                if (!File.Exists(store.PathOf(0)) && !File.Exists(store.PathOf(1)))
                    throw CommandFailure.Usage("'" + path + "' is a directory without " + CheckpointStore.RegionFileName(0) + " or "
                        + CheckpointStore.RegionFileName(1) + ": not a checkpoint store");
                return InspectStore(context, "checkpoint store " + path, store);
            }
            byte[] data = ModelFiles.Read(file);
            if (CheckpointHeader.HasMagic(data, 0, data.Length))
            {
                // One slot file on its own: it keeps its slot if its name says which.
                int region = file.Name == CheckpointStore.RegionFileName(1) ? 1 : 0;
                string[] paths = new string[2];
                paths[region] = file.FullName;
                return InspectStore(context, "checkpoint slot file " + path, FileBlockStore.OpenFiles(paths));
            }
            Network network = ModelFiles.Load(data, path);
            new InspectReport(path, new ModelFileHeader(data), network).Write(context.Console);
            return ExitCodes.Ok;
        }

        private static int InspectStore(CliContext context, string what, FileBlockStore store)
        {
            CheckpointLoad load = new CheckpointStore(store, 1).TryLoadNewest();
            if (load.Network == null) throw CommandFailure.Usage(what + ": " + load.Describe());
            // Plain lines (not the console): a slot's verdict is long and must not be wrapped.
            context.Out.WriteLine(what + ": loaded checkpoint from slot " + CheckpointStore.SlotName(load.Slot) + " (sequence " + load.Sequence + ")"
                + (load.Fallback ? ", the older one: the newer slot was rejected" : ""));
            foreach (CheckpointSlotReport report in load.Slots) context.Out.WriteLine("  " + report.Describe());
            CheckpointSlotReport slot = load.Slots[load.Slot];
            byte[] payload = new byte[slot.PayloadLength];
            try
            {
                store.Read(load.Slot, slot.PayloadOffset, payload, 0, payload.Length);
            }
            catch (IOException e)
            {
                throw CommandFailure.Runtime("cannot read '" + store.PathOf(load.Slot) + "': " + e.Message, e);
            }
            string source = store.PathOf(load.Slot) + " (slot " + CheckpointStore.SlotName(load.Slot) + ", sequence " + load.Sequence
                + ", payload at byte " + slot.PayloadOffset + ")";
            new InspectReport(source, new ModelFileHeader(payload), load.Network).Write(context.Console);
            return ExitCodes.Ok;
        }
    }
}
