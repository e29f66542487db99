namespace NanoSnn
{
    /// <summary>
    /// A DC motor on one channel of a two-input H-bridge (DRV8833, TB6612FNG with PWM on both
    /// inputs, L298N with the enable tied high): maps a signed percent command to a duty on
    /// input A (forward) or input B (reverse), with a deadband, a speed limit, a slew-rate
    /// limit and an enable/brake state. Every decision is made here; a board subclass only
    /// writes the two duties (<see cref="WriteBridge"/>).
    /// </summary>
    /// <remarks>
    /// <para>Units: commands are percent (−100..100), the internal output and all duties are
    /// in 1/10,000 of full scale ("per10k", the resolution nanoFramework's PWM driver uses).</para>
    /// <para>Per <see cref="Drive"/>: clamp to ±<see cref="LimitPercent"/>; commands smaller than
    /// the deadband become 0 (readout noise around zero must not creep the robot); the output
    /// then moves toward the command by at most <see cref="SlewPer10kPerUpdate"/> (no current
    /// spike, no wheel slip, and a reversal passes through zero); a non-zero output is mapped to
    /// <c>minDuty + |output|·(1 − minDuty)</c> so that 1 % already overcomes static friction.</para>
    /// <para>Bridge truth table (fast decay): forward A = duty, B = 0; reverse A = 0, B = duty;
    /// zero output and <see cref="MotorState.Disabled"/> A = B = 0 (coast);
    /// <see cref="MotorState.Braking"/> A = B = full (short brake). The bridge is written only
    /// when a duty changes.</para>
    /// </remarks>
    public abstract class MotorDriverBase
    {
        /// <summary>Full scale of a duty: 10,000 per10k = 100 %.</summary>
        public const int FullScalePer10k = 10000;

        private bool _written;
        private int _lastA;
        private int _lastB;

        /// <summary>
        /// Sets the mapping. <paramref name="deadbandPercent"/> 0..99, <paramref name="minDutyPercent"/>
        /// 0..99, <paramref name="slewPer10kPerUpdate"/> 1..20000 (20000 = no slew limit).
        /// </summary>
        protected MotorDriverBase(int deadbandPercent, int minDutyPercent, int slewPer10kPerUpdate)
        {
            if (deadbandPercent < 0 || deadbandPercent > 99) throw new System.ArgumentException("motor: deadbandPercent must be in 0..99, not " + deadbandPercent);
            if (minDutyPercent < 0 || minDutyPercent > 99) throw new System.ArgumentException("motor: minDutyPercent must be in 0..99, not " + minDutyPercent);
            if (slewPer10kPerUpdate < 1 || slewPer10kPerUpdate > 2 * FullScalePer10k)
                throw new System.ArgumentException("motor: slewPer10kPerUpdate must be in 1..20000, not " + slewPer10kPerUpdate);
            DeadbandPercent = deadbandPercent;
            MinDutyPer10k = minDutyPercent * 100;
            SlewPer10kPerUpdate = slewPer10kPerUpdate;
        }

        /// <summary>Commands with a magnitude below this are treated as 0, percent.</summary>
        public readonly int DeadbandPercent;

        /// <summary>Duty of the smallest non-zero output, per10k.</summary>
        public readonly int MinDutyPer10k;

        /// <summary>Largest change of the output per <see cref="Drive"/>, per10k.</summary>
        public readonly int SlewPer10kPerUpdate;

        /// <summary>Current state; starts <see cref="MotorState.Disabled"/>.</summary>
        public MotorState State;

        /// <summary>Largest command magnitude let through, percent (0..100); a safety cap the operator mode sets.</summary>
        public int LimitPercent = 100;

        /// <summary>Last command after clamping and deadband, percent.</summary>
        public int CommandPercent;

        /// <summary>Signed output after the slew limit, per10k (what the bridge gets, before the minimum-duty mapping).</summary>
        public int OutputPer10k;

        /// <summary>Duty written to input A, per10k.</summary>
        public int InputAPer10k;

        /// <summary>Duty written to input B, per10k.</summary>
        public int InputBPer10k;

        /// <summary>Bridge writes since construction (changes only).</summary>
        public long Writes;

        /// <summary>Writes the two bridge input duties, per10k (0..10000 each). Must not allocate.</summary>
        protected abstract void WriteBridge(int inputAPer10k, int inputBPer10k);

        /// <summary>Lets commands through; the output ramps up from 0.</summary>
        public void Enable()
        {
            if (State == MotorState.Running) return;
            State = MotorState.Running;
            OutputPer10k = 0;
            Apply();
        }

        /// <summary>Coasts (both inputs low) and ignores commands until <see cref="Enable"/>.</summary>
        public void Disable()
        {
            State = MotorState.Disabled;
            OutputPer10k = 0;
            Apply();
        }

        /// <summary>Shorts the motor (both inputs high) and ignores commands until <see cref="Enable"/>.</summary>
        public void Brake()
        {
            State = MotorState.Braking;
            OutputPer10k = 0;
            Apply();
        }

        /// <summary>Sets the speed cap, percent (clamped to 0..100).</summary>
        public void SetLimit(int percent)
        {
            LimitPercent = percent < 0 ? 0 : (percent > 100 ? 100 : percent);
        }

        /// <summary>Applies one tick's command (signed percent). Call once per tick. Allocates nothing.</summary>
        public void Drive(int commandPercent)
        {
            int limit = LimitPercent;
            int target = commandPercent > limit ? limit : (commandPercent < -limit ? -limit : commandPercent);
            if (target < DeadbandPercent && target > -DeadbandPercent) target = 0;
            CommandPercent = target;
            if (State != MotorState.Running)
            {
                OutputPer10k = 0;
                Apply();
                return;
            }
            int delta = target * 100 - OutputPer10k;
            int slew = SlewPer10kPerUpdate;
            if (delta > slew) delta = slew;
            else if (delta < -slew) delta = -slew;
            OutputPer10k += delta;
            Apply();
        }

        /// <summary>Duty for a non-zero output magnitude, per10k: the minimum duty plus the rest scaled.</summary>
        public int DutyFor(int magnitudePer10k)
        {
            if (magnitudePer10k <= 0) return 0;
            if (magnitudePer10k > FullScalePer10k) magnitudePer10k = FullScalePer10k;
            return MinDutyPer10k + (int)((long)magnitudePer10k * (FullScalePer10k - MinDutyPer10k) / FullScalePer10k);
        }

        private void Apply()
        {
            int a = 0, b = 0;
            if (State == MotorState.Braking)
            {
                a = FullScalePer10k;
                b = FullScalePer10k;
            }
            else if (State == MotorState.Running)
            {
                int output = OutputPer10k;
                if (output > 0) a = DutyFor(output);
                else if (output < 0) b = DutyFor(-output);
            }
            InputAPer10k = a;
            InputBPer10k = b;
            if (_written && a == _lastA && b == _lastB) return;
            _written = true;
            _lastA = a;
            _lastB = b;
            Writes++;
            WriteBridge(a, b);
        }
    }
}
