package org.cowarena.protocol;

import org.cowarena.game.Game;
import org.cowarena.kernel.FrameInfo;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.PageInfo;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.kernel.Stats;

/**
 * A 64-bit digest (FNV-1a) of everything a player can see of a game: frames, processes,
 * page tables, counters. Server and clients compute it the same way; a client whose
 * digest differs from the server's has diverged and asks for a snapshot.
 */
public final class StateDigest {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private long hash = OFFSET;

    private StateDigest() {
    }

    public static long of(Game game) {
        StateDigest d = new StateDigest();
        Kernel k = game.kernel();
        d.add(k.totalFrames()).add(k.used()).add(k.peak());
        for (int f = 0; f < k.totalFrames(); f++) {
            FrameInfo frame = k.frame(f);
            d.add(frame.kind() == null ? "-" : frame.kind().name()).add(frame.value()).add(frame.refs())
                    .add(frame.chargedTo());
        }
        for (ProcessInfo p : k.processes()) {
            d.add(p.pid()).add(p.ppid()).add(p.owner()).add(p.program()).add(p.state().name())
                    .add(p.oomScoreAdj()).add(p.inVfork() ? 1 : 0);
            if (!p.state().alive()) {
                continue;
            }
            for (PageInfo page : k.pageTable(p.pid())) {
                d.add(page.vpn()).add(page.mapping().ordinal()).add(page.frame()).add(page.value())
                        .add((page.writable() ? 1 : 0) | (page.cow() ? 2 : 0) | (page.huge() ? 4 : 0)
                                | (page.dontfork() ? 8 : 0) | (page.wipeonfork() ? 16 : 0));
            }
        }
        Stats s = game.stats();
        d.add(s.copies()).add(s.framesCopied()).add(s.reuses()).add(s.zeroFills()).add(s.zeroMaps())
                .add(s.oomKills()).add(s.segv()).add(s.kernelRefusals());
        d.add(game.metrics().moves()).add(game.metrics().rejected());
        return d.hash;
    }

    private StateDigest add(int value) {
        for (int i = 0; i < 4; i++) {
            hash = (hash ^ ((value >>> (8 * i)) & 0xff)) * PRIME;
        }
        return this;
    }

    private StateDigest add(String value) {
        if (value == null) {
            return add(-1);
        }
        add(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            hash = (hash ^ (c & 0xff)) * PRIME;
            hash = (hash ^ (c >>> 8)) * PRIME;
        }
        return this;
    }
}
