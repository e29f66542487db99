using System;
using System.Text.Json;

namespace NanoSnn.Cli.Output
{
    /// <summary>The files a <c>nanosnn run</c> wrote besides its figure: checkpoints and the telemetry log.</summary>
    public sealed class RunFiles
    {
        /// <summary>Bytes of the --save checkpoint (0: none).</summary>
        public int SavedBytes;

        /// <summary>Bytes of the --save-initial model (0: none).</summary>
        public int SavedInitialBytes;

        /// <summary>The telemetry log, or null.</summary>
        public string RecordPath;

        /// <summary>Frames, bytes and ticks of the log.</summary>
        public long RecordFrames, RecordBytes, RecordTicks;

        /// <summary>Times the log records learning being switched on or off.</summary>
        public long RecordLearningSwitches;

        /// <summary>Notes the log written by <paramref name="writer"/> to <paramref name="path"/>.</summary>
        public void Recorded(string path, TelemetryWriter writer)
        {
            RecordPath = path;
            RecordFrames = writer.FramesWritten;
            RecordBytes = writer.BytesWritten;
            RecordTicks = writer.TicksRecorded;
            RecordLearningSwitches = writer.LearningSwitches;
        }

        /// <summary>Log bytes per tick (frames, header and end included).</summary>
        public double BytesPerTick => RecordTicks == 0 ? 0 : RecordBytes / (double)RecordTicks;

        /// <summary>
        /// Writes "saved_bytes", "saved_initial_bytes" and the "record" object, each only when
        /// that file was written; <paramref name="learningSwitches"/> adds the log's learning switches.
        /// </summary>
        public void WriteJson(Utf8JsonWriter w, bool learningSwitches)
        {
            if (SavedBytes > 0) w.WriteNumber("saved_bytes", SavedBytes);
            if (SavedInitialBytes > 0) w.WriteNumber("saved_initial_bytes", SavedInitialBytes);
            if (RecordPath == null) return;
            w.WriteStartObject("record");
            w.WriteString("file", RecordPath);
            w.WriteNumber("frames", RecordFrames);
            w.WriteNumber("bytes", RecordBytes);
            w.WriteNumber("ticks", RecordTicks);
            w.WriteNumber("bytes_per_tick", Math.Round(BytesPerTick, 3));
            if (learningSwitches) w.WriteNumber("learning_switches", RecordLearningSwitches);
            w.WriteEndObject();
        }
    }
}
