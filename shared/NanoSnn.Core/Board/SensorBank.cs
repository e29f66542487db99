namespace NanoSnn
{
    /// <summary>
    /// The controller's sensors built from channels: channel c fills sample c. A channel whose
    /// read fails keeps its previous sample (levels) or reports 0 (counts) and is counted in
    /// <see cref="ChannelFaults"/>; the others are still read, and <see cref="TryRead"/> then
    /// returns false so that the controller counts the fault too.
    /// </summary>
    public sealed class SensorBank : ISensorInputs
    {
        private readonly SensorChannel[] _channels;

        /// <summary>Creates a bank over <paramref name="channels"/> (the array is copied; at least one, none null).</summary>
        public SensorBank(SensorChannel[] channels)
        {
            if (channels == null || channels.Length == 0) throw new System.ArgumentException("sensor bank: at least one channel is needed");
            _channels = new SensorChannel[channels.Length];
            for (int c = 0; c < channels.Length; c++)
            {
                if (channels[c] == null) throw new System.ArgumentException("sensor bank: channel " + c + " is null");
                _channels[c] = channels[c];
            }
            ChannelFaults = new long[channels.Length];
        }

        /// <summary>Failed reads per channel since construction or <see cref="Reset"/>.</summary>
        public readonly long[] ChannelFaults;

        /// <summary>The channels, in sample order.</summary>
        public SensorChannel[] ChannelList { get { return _channels; } }

        /// <inheritdoc/>
        public int Channels { get { return _channels.Length; } }

        /// <inheritdoc/>
        public bool TryRead(int[] samples)
        {
            bool ok = true;
            for (int c = 0; c < _channels.Length; c++)
            {
                SensorChannel channel = _channels[c];
                int value;
                if (channel.TryRead(out value))
                {
                    samples[c] = value;
                }
                else
                {
                    ok = false;
                    ChannelFaults[c]++;
                    if (!channel.HoldsOnFault) samples[c] = 0;
                }
            }
            return ok;
        }

        /// <summary>Resets every channel and the fault counts.</summary>
        public void Reset()
        {
            for (int c = 0; c < _channels.Length; c++) _channels[c].Reset();
            System.Array.Clear(ChannelFaults, 0, ChannelFaults.Length);
        }
    }
}
