namespace NanoSnn.PortableTests
{
    /// <summary>
    /// Helpers shared by the portable tests. Static and allocation-light on purpose: the same
    /// code runs under MSTest on the desktop and under nanoFramework.TestFramework on the chip,
    /// where a test method is invoked without an instance (state lives in locals or statics).
    /// </summary>
    public static class TestSupport
    {
        /// <summary>An empty spike list for ticks without input.</summary>
        public static readonly int[] NoSpikes = new int[0];

        /// <summary>A copy of <paramref name="source"/> (Array.Clone is avoided for portability).</summary>
        public static byte[] Copy(byte[] source)
        {
            byte[] copy = new byte[source.Length];
            System.Array.Copy(source, copy, source.Length);
            return copy;
        }

        /// <summary>The first <paramref name="count"/> bytes of <paramref name="source"/>.</summary>
        public static byte[] Prefix(byte[] source, int count)
        {
            byte[] copy = new byte[count];
            System.Array.Copy(source, copy, count);
            return copy;
        }

        /// <summary>True when both arrays hold the same bytes.</summary>
        public static bool SameBytes(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }

        /// <summary>The characters of an ASCII string as bytes (no System.Text needed).</summary>
        public static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++) bytes[i] = (byte)text[i];
            return bytes;
        }

        /// <summary>Writes <paramref name="network"/> into a new array of exactly the measured size.</summary>
        public static byte[] Save(Network network, bool includeState)
        {
            byte[] bytes = new byte[ModelWriter.MeasureBytes(network, includeState)];
            int written = ModelWriter.Write(network, includeState, bytes, 0);
            if (written != bytes.Length) throw new System.Exception("writer wrote " + written + " bytes, measured " + bytes.Length);
            return bytes;
        }

        /// <summary>Loads <paramref name="data"/>; returns the ModelFormatError as an int, or 0 when it loads.</summary>
        public static int LoadError(byte[] data)
        {
            try
            {
                ModelReader.Load(data);
            }
            catch (ModelFormatException e)
            {
                return (int)e.Error;
            }
            return 0;
        }

        /// <summary>Loads <paramref name="data"/>; returns the exception, or null when it loads.</summary>
        public static ModelFormatException LoadException(byte[] data)
        {
            try
            {
                ModelReader.Load(data);
            }
            catch (ModelFormatException e)
            {
                return e;
            }
            return null;
        }

        /// <summary>Rewrites the header's length field and the CRC trailer to match the bytes as they are.</summary>
        public static void FixLengthAndCrc(byte[] data)
        {
            LittleEndian.WriteInt32(data, 8, data.Length);
            LittleEndian.WriteInt32(data, data.Length - ModelFormat.TrailerBytes, (int)Crc32.Compute(data, 0, data.Length - ModelFormat.TrailerBytes));
        }

        /// <summary>
        /// A small network with every population kind (input, LIF with Subtract reset and a
        /// refractory period, ALIF with Zero reset, readout with a bias) and both projection
        /// kinds (dense feed-forward, sparse recurrent and sparse feed-forward), weights drawn
        /// from the builder's generator.
        /// </summary>
        public static Network BuildSampleNetwork()
        {
            NetworkBuilder b = new NetworkBuilder(1000, 42);
            InputPopulation input = b.AddInput("in", 3);

            LifParameters lifParameters = new LifParameters();
            lifParameters.RefractoryTicks = 2;
            lifParameters.BiasQ16 = 3000;
            LifPopulation lif = b.AddLif("lif", 5, lifParameters);

            LifParameters alifParameters = new LifParameters();
            alifParameters.Reset = ResetMode.Zero;
            alifParameters.AdaptationBetaQ16 = 20000;
            alifParameters.TauAdaptationUs = 150000;
            alifParameters.RefractoryTicks = 1;
            LifPopulation alif = b.AddAlif("alif", 4, alifParameters);

            ReadoutPopulation output = b.AddReadout("out", 2, 30000, 100);

            b.AddDense("in-lif", input, lif, 4).InitializeGaussian(b.Rng, 40000);
            b.AddSparseRandom("lif-lif", lif, lif, 4, 2).InitializeGaussian(b.Rng, 30000);
            b.AddSparseRandom("lif-alif", lif, alif, 4, 3).InitializeGaussian(b.Rng, 30000);
            b.AddDense("in-alif", input, alif, 4).InitializeGaussian(b.Rng, 40000);
            b.AddDense("alif-out", alif, output, 3).InitializeGaussian(b.Rng, 20000);
            return b.Build();
        }

        /// <summary>Runs <paramref name="ticks"/> ticks in which every input channel spikes with probability probQ16.</summary>
        public static void RunRandom(Network network, XorShift32 rng, int ticks, int probQ16)
        {
            int[] spikes = new int[network.InputSize];
            for (int t = 0; t < ticks; t++)
            {
                int n = 0;
                for (int c = 0; c < network.InputSize; c++)
                    if (rng.NextBernoulli(probQ16)) spikes[n++] = c;
                network.Step(spikes, n);
            }
        }

        /// <summary>A one-population network: a single LIF (or ALIF) neuron with the given parameters, 1 ms ticks.</summary>
        public static Network SingleNeuron(LifParameters parameters, bool adaptive)
        {
            NetworkBuilder b = new NetworkBuilder(1000, 1);
            if (adaptive) b.AddAlif("n", 1, parameters); else b.AddLif("n", 1, parameters);
            return b.Build();
        }
    }
}
