using System;
using System.IO;

namespace NanoSnn.Firmware.Storage
{
    /// <summary>
    /// The model deployed next to the firmware (<c>I:\model.nsnn</c>, put there with
    /// <c>nanoff</c>'s file deployment), read whole at boot. Only read when no checkpoint loads,
    /// so its bytes never sit in the heap next to a network that came from a checkpoint.
    /// </summary>
    public static class ModelFile
    {
        /// <summary>File name of the deployed model under the storage root.</summary>
        public const string Name = "model.nsnn";

        /// <summary>
        /// The bytes of <paramref name="path"/>, or null with the reason in <paramref name="error"/>
        /// ("not present", an I/O error, a short read). Allocates the file's size (nanoFramework's
        /// FileStream may also copy through a temporary buffer), once, at boot.
        /// </summary>
        public static byte[] TryRead(string path, out string error)
        {
            try
            {
                if (!File.Exists(path))
                {
                    error = "not present";
                    return null;
                }
                using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    long length = stream.Length;
                    if (length <= 0 || length > int.MaxValue)
                    {
                        error = "empty or too large (" + length + " bytes)";
                        return null;
                    }
                    byte[] data = new byte[(int)length];
                    int read = 0;
                    while (read < data.Length)
                    {
                        int n = stream.Read(data, read, data.Length - read);
                        if (n <= 0) break;
                        read += n;
                    }
                    if (read != data.Length)
                    {
                        error = "short read: " + read + " of " + data.Length + " bytes";
                        return null;
                    }
                    error = null;
                    return data;
                }
            }
            catch (Exception e)
            {
                error = e.Message;
                return null;
            }
        }
    }
}
