using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace NanoSnn.Cli.Fit
{
    /// <summary>The memory budget of one board, read from <c>boards/NAME/board.json</c> (schema in boards/README.md).</summary>
    public sealed class BoardProfile
    {
        /// <summary>Folder name and id.</summary>
        public string Name;
        /// <summary>The board's description.</summary>
        public string Description;
        /// <summary>The module on the board.</summary>
        public string Module;
        /// <summary>Whether the managed heap lives in PSRAM.</summary>
        public bool Psram;
        /// <summary>Managed heap to plan for.</summary>
        public long ManagedHeapBytes;
        /// <summary>Lowest and highest managed heap seen (0 when the file gives no range).</summary>
        public long ManagedHeapMinBytes, ManagedHeapMaxBytes;
        /// <summary>The most everything nanoSnn allocates (model, its buffers) may take.</summary>
        public long ModelBudgetBytes;
        /// <summary>Flash the two checkpoint slot files may take together (0 when the file gives none).</summary>
        public long CheckpointFlashBytes;

        /// <summary>Parses board.json text; throws <see cref="FormatException"/> naming the missing or bad key.</summary>
        public static BoardProfile Parse(string json, string where)
        {
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(json).RootElement;
            }
            catch (JsonException e)
            {
                throw new FormatException(where + ": not valid JSON (" + e.Message + ")", e);
            }
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException(where + ": expected a JSON object");
            BoardProfile b = new BoardProfile
            {
                Name = Text(root, "name", where),
                Description = root.TryGetProperty("description", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString() : "",
                Module = root.TryGetProperty("module", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() : "",
                Psram = root.TryGetProperty("psram", out JsonElement p) && p.ValueKind == JsonValueKind.True,
                ManagedHeapBytes = Number(root, "managed_heap_bytes", where),
                ModelBudgetBytes = Number(root, "model_budget_bytes", where),
            };
            if (root.TryGetProperty("managed_heap_range_bytes", out JsonElement range) && range.ValueKind == JsonValueKind.Array && range.GetArrayLength() == 2
                && range[0].TryGetInt64(out long lo) && range[1].TryGetInt64(out long hi))
            {
                b.ManagedHeapMinBytes = lo;
                b.ManagedHeapMaxBytes = hi;
            }
            if (root.TryGetProperty("checkpoint_flash_bytes", out JsonElement flash))
            {
                if (!flash.TryGetInt64(out long f) || f <= 0) throw new FormatException(where + ": checkpoint_flash_bytes must be a positive whole number of bytes");
                b.CheckpointFlashBytes = f;
            }
            if (b.ModelBudgetBytes <= 0 || b.ManagedHeapBytes <= 0)
                throw new FormatException(where + ": managed_heap_bytes and model_budget_bytes must be positive");
            return b;
        }

        private static string Text(JsonElement root, string key, string where)
        {
            if (!root.TryGetProperty(key, out JsonElement e) || e.ValueKind != JsonValueKind.String)
                throw new FormatException(where + ": key '" + key + "' (a string) is missing");
            return e.GetString();
        }

        private static long Number(JsonElement root, string key, string where)
        {
            if (!root.TryGetProperty(key, out JsonElement e) || !e.TryGetInt64(out long v))
                throw new FormatException(where + ": key '" + key + "' (a whole number of bytes) is missing");
            return v;
        }

        /// <summary>
        /// The <c>boards</c> folder: the one given, else the first found walking up from the
        /// working directory, then from the program's directory (a build output inside the repository).
        /// </summary>
        public static string FindBoardsFolder(string given)
        {
            if (given != null) return given;
            foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (DirectoryInfo dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    string candidate = Path.Combine(dir.FullName, "boards");
                    if (Directory.Exists(candidate) && Available(candidate).Count > 0) return candidate;
                }
            }
            return null;
        }

        /// <summary>Names of the boards in <paramref name="folder"/> (sub-folders with a board.json), sorted.</summary>
        public static List<string> Available(string folder)
        {
            List<string> names = new List<string>();
            if (folder == null || !Directory.Exists(folder)) return names;
            foreach (string dir in Directory.GetDirectories(folder))
                if (File.Exists(Path.Combine(dir, "board.json"))) names.Add(Path.GetFileName(dir));
            names.Sort(StringComparer.Ordinal);
            return names;
        }
    }
}
