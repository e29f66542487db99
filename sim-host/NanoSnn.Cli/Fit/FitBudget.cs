namespace NanoSnn.Cli.Fit
{
    /// <summary>
    /// What a network needs on the device: the network itself (parameters and state, learning
    /// rules included), a checkpoint buffer as large as the model file with its state, the
    /// checkpoint store's own buffers, the telemetry frame buffer and an estimated runtime
    /// overhead for the objects around them; and, on the flash, the two checkpoint slot files.
    /// </summary>
    public sealed class FitBudget
    {
        /// <summary>
        /// The 0xFF buffer the firmware's flash block store erases and pre-sizes with
        /// (<c>FlashFileBlockStore.FillBytes</c> in firmware/NanoSnn.Firmware/Storage; a CLI test
        /// compiles that file and keeps the two equal).
        /// </summary>
        public const int FlashEraseBufferBytes = 256;

        /// <summary>Erase unit of the ESP32's flash, the sector size of the device's checkpoint slots.</summary>
        public const int FlashSectorBytes = 4096;

        /// <summary>
        /// Fixed part of the runtime overhead: the controller loop, encoder, decoder, telemetry
        /// sink and board objects with their small arrays (a rough count of nanoCLR objects at
        /// (fields + 1) × 12 bytes each, rounded up).
        /// </summary>
        public const int FixedOverheadBytes = 2048;

        /// <summary>
        /// Overhead per population, projection and rule object: nanoCLR keeps every field in a
        /// 12-byte cell and every array behind its own header, about 10-14 fields and 4-8 arrays each.
        /// </summary>
        public const int OverheadPerObjectBytes = 192;

        /// <summary>Computes the budget of <paramref name="network"/> with a telemetry buffer of <paramref name="telemetryBytes"/> (-1 = the writer's default for this network).</summary>
        public FitBudget(Network network, int telemetryBytes)
        {
            int ruleParameters = 0, ruleState = 0;
            foreach (Plasticity rule in network.Rules)
            {
                ruleParameters += rule.ParameterBytes;
                ruleState += rule.StateBytes;
            }
            ParameterBytes = network.ParameterBytes - ruleParameters;
            StateBytes = network.StateBytes - ruleState;
            RuleBytes = ruleParameters + ruleState;
            Rules = network.Rules.Length;
            CheckpointBytes = ModelWriter.MeasureBytes(network, true);
            CheckpointStoreBytes = CheckpointStore.OverheadBytes + FlashEraseBufferBytes;
            CheckpointSlotBytes = CheckpointStore.SlotBytesFor((int)CheckpointBytes, FlashSectorBytes);
            TelemetryBytes = telemetryBytes >= 0 ? telemetryBytes : DefaultTelemetryBytes(network);
            OverheadBytes = FixedOverheadBytes + OverheadPerObjectBytes * (network.Populations.Length + network.Projections.Length + network.Rules.Length);
        }

        /// <summary>The buffer a TelemetryWriter allocates by default for this network, recording its readout as outputs.</summary>
        public static int DefaultTelemetryBytes(Network network)
        {
            int outputs = 0;
            foreach (Population p in network.Populations) if (p.Kind == PopulationKind.Readout) outputs += p.Size;
            TelemetryOptions options = new TelemetryOptions { OutputChannels = outputs > 255 ? 255 : outputs };
            return TelemetryWriter.DefaultBufferBytesFor(network, options);
        }

        /// <summary>Neuron and projection parameters (weights, connectivity).</summary>
        public readonly long ParameterBytes;
        /// <summary>Neuron state buffers.</summary>
        public readonly long StateBytes;
        /// <summary>Learning rules' parameters and state (traces, eligibilities).</summary>
        public readonly long RuleBytes;
        /// <summary>Learning rules attached.</summary>
        public readonly int Rules;
        /// <summary>Checkpoint buffer: the model file with its state.</summary>
        public readonly long CheckpointBytes;
        /// <summary>
        /// The checkpoint store's buffers besides the checkpoint buffer: its CRC-32C table,
        /// scratch and header buffers (<see cref="CheckpointStore.OverheadBytes"/>) and the flash
        /// block store's erase buffer (<see cref="FlashEraseBufferBytes"/>).
        /// </summary>
        public readonly long CheckpointStoreBytes;
        /// <summary>Flash, not RAM: bytes of each of the two checkpoint slot files (header sector plus the checkpoint in whole 4 KB sectors).</summary>
        public readonly long CheckpointSlotBytes;
        /// <summary>Telemetry frame buffer.</summary>
        public readonly long TelemetryBytes;
        /// <summary>Estimated runtime overhead.</summary>
        public readonly long OverheadBytes;

        /// <summary>Everything together.</summary>
        public long TotalBytes { get { return ParameterBytes + StateBytes + RuleBytes + CheckpointBytes + CheckpointStoreBytes + TelemetryBytes + OverheadBytes; } }
    }
}
