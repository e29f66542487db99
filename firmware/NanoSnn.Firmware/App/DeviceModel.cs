using NanoSnn.Firmware.Boards;

namespace NanoSnn.Firmware.App
{
    /// <summary>
    /// How a network meets this firmware's sensors and actuators. The model file carries no
    /// encoder or decoder configuration, so the firmware fixes one I/O layout and checks that
    /// the network fits it:
    /// <list type="bullet">
    /// <item>inputs: the board's A analog channels, send-on-delta encoded (2 inputs each, up and
    /// down, in the order of the profile), optionally followed by its P pulse inputs
    /// (1 input each): the network must have 2·A or 2·A + P inputs;</item>
    /// <item>outputs: the last readout population; its size must equal the number of motors (2),
    /// and readout 1.0 is full speed forward;</item>
    /// <item>learning: reward-modulated STDP on every projection from the input population to a
    /// spiking population (unless the model or checkpoint already brings one), rewarded with the
    /// reward button.</item>
    /// </list>
    /// The built-in default is the core's <see cref="SensorNetwork"/> (4 analog channels, 2 readouts).
    /// </summary>
    public static class DeviceModel
    {
        /// <summary>Send-on-delta step of the analog channels, in sensor units (the reference network's).</summary>
        public const int AnalogDelta = SensorNetwork.SensorDelta;

        /// <summary>Sensor units of the ADC range: 0..full scale maps to −1000..+1000, the reference network's range.</summary>
        public const int AnalogUnitsSpan = 1000;

        /// <summary>Edges a pulse input may keep waiting when they arrive faster than one per tick.</summary>
        public const int PulseBacklog = 16;

        /// <summary>Motors the firmware drives.</summary>
        public const int Motors = 2;

        /// <summary>Command for a readout value of 1.0: full scale, percent, Q16.</summary>
        public const int PercentPerUnitQ16 = 100 * FixedPoint.OneQ16;

        /// <summary>
        /// Decides whether the network reads the pulse inputs too (2·A + P inputs) or the analog
        /// channels only (2·A). Throws a <see cref="ModelException"/> naming both valid sizes otherwise.
        /// </summary>
        public static bool UsesPulseInputs(Network network, BoardConfig board)
        {
            int analogInputs = 2 * board.AnalogChannels.Length;
            int withPulses = analogInputs + board.SpikeInputPins.Length;
            if (network.InputSize == analogInputs) return false;
            if (network.InputSize == withPulses) return true;
            throw new ModelException("the model has " + network.InputSize + " inputs; on " + board.Name + " it must have "
                + analogInputs + " (" + board.AnalogChannels.Length + " analog channels, send-on-delta up/down) or "
                + withPulses + " (the same plus " + board.SpikeInputPins.Length + " pulse inputs)");
        }

        /// <summary>The encoder of the layout: send-on-delta over the analog channels, then pulse counts if used.</summary>
        public static SpikeEncoder BuildEncoder(BoardConfig board, bool pulseInputs)
        {
            int[] deltas = new int[board.AnalogChannels.Length];
            for (int c = 0; c < deltas.Length; c++) deltas[c] = AnalogDelta;
            SendOnDeltaEncoder analog = new SendOnDeltaEncoder(deltas);
            if (!pulseInputs) return analog;
            SpikeEncoder[] parts = { analog, new PulseCountEncoder(board.SpikeInputPins.Length, PulseBacklog) };
            return new EncoderBank(parts);
        }

        /// <summary>The readout the motors follow: the last readout population, which must have one unit per motor.</summary>
        public static ReadoutPopulation FindReadout(Network network)
        {
            Population[] pops = network.Populations;
            for (int p = pops.Length - 1; p >= 0; p--)
            {
                ReadoutPopulation readout = pops[p] as ReadoutPopulation;
                if (readout == null) continue;
                if (readout.Size != Motors)
                    throw new ModelException("readout population '" + readout.Name + "' has " + readout.Size + " units; the firmware drives " + Motors + " motors");
                return readout;
            }
            throw new ModelException("the model has no readout population; the firmware needs one with " + Motors + " units for the motors");
        }

        /// <summary>
        /// Attaches reward-modulated STDP (default parameters) to every projection from the input
        /// population to a spiking population that has none yet; returns how many rules were
        /// attached. A checkpoint carries its rules with their state (model format v2), and a
        /// deployed model may carry its own: those are kept as they are, never doubled.
        /// </summary>
        public static int AttachRules(Network network)
        {
            Projection[] projections = network.Projections;
            int attached = 0;
            for (int q = 0; q < projections.Length; q++)
            {
                Projection projection = projections[q];
                if (projection.Source.Kind != PopulationKind.Input || !projection.Target.IsSpiking) continue;
                if (HasRewardStdp(network, projection)) continue;
                network.Attach(new RewardStdp(projection, new RewardStdpParameters()));
                attached++;
            }
            return attached;
        }

        /// <summary>Whether a reward-modulated STDP rule already learns on <paramref name="projection"/>.</summary>
        public static bool HasRewardStdp(Network network, Projection projection)
        {
            Plasticity[] rules = network.Rules;
            for (int r = 0; r < rules.Length; r++)
            {
                RewardStdp stdp = rules[r] as RewardStdp;
                if (stdp != null && stdp.Projection == projection) return true;
            }
            return false;
        }
    }
}
