using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace NanoSnn.Cli.Output
{
    /// <summary>Writes one compact JSON object as one line (JSON Lines), with a deterministic layout.</summary>
    public static class JsonLine
    {
        /// <summary>Builds the object with <paramref name="fill"/> and writes it to <paramref name="output"/> followed by a newline.</summary>
        public static void Write(TextWriter output, Action<Utf8JsonWriter> fill)
        {
            using MemoryStream buffer = new MemoryStream();
            using (Utf8JsonWriter writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
            {
                writer.WriteStartObject();
                fill(writer);
                writer.WriteEndObject();
            }
            output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
    }
}
