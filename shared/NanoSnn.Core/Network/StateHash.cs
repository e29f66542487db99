namespace NanoSnn
{
    /// <summary>
    /// FNV-1a over 32-bit words: a cheap, order-sensitive fingerprint of a network's state
    /// for lockstep checks between the device and the host. Two runs that agree bit for bit
    /// have equal hashes; a hash is a fingerprint, not a checksum against tampering.
    /// </summary>
    public static class StateHash
    {
        /// <summary>The FNV-1a 32-bit offset basis: the hash of nothing.</summary>
        public const uint Empty = 2166136261u;

        private const uint Prime = 16777619u;

        /// <summary>Folds one 32-bit word into <paramref name="hash"/>.</summary>
        public static uint Add(uint hash, int word)
        {
            return (hash ^ (uint)word) * Prime;
        }

        /// <summary>Folds a 64-bit value (low word first).</summary>
        public static uint Add(uint hash, long word)
        {
            hash = (hash ^ (uint)word) * Prime;
            return (hash ^ (uint)(word >> 32)) * Prime;
        }

        /// <summary>Folds every element of an int array, then its length.</summary>
        public static uint AddInts(uint hash, int[] words)
        {
            for (int i = 0; i < words.Length; i++) hash = (hash ^ (uint)words[i]) * Prime;
            return (hash ^ (uint)words.Length) * Prime;
        }

        /// <summary>Folds every element of a short array, then its length.</summary>
        public static uint AddShorts(uint hash, short[] words)
        {
            for (int i = 0; i < words.Length; i++) hash = (hash ^ (uint)words[i]) * Prime;
            return (hash ^ (uint)words.Length) * Prime;
        }

        /// <summary>Folds every element of a byte array, then its length.</summary>
        public static uint AddBytes(uint hash, byte[] bytes)
        {
            for (int i = 0; i < bytes.Length; i++) hash = (hash ^ bytes[i]) * Prime;
            return (hash ^ (uint)bytes.Length) * Prime;
        }
    }
}
