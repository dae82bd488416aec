package org.cowarena.kernel;

/**
 * Everything a player can observe about a kernel, as one string: processes, every page
 * table, every frame, used/cached/peak, the commit, the operation count, the reclaim order,
 * counters and cgroup charges. The refusal counter is
 * left out on purpose: a refused move counts in it and must change nothing else.
 */
final class Fingerprint {
    private Fingerprint() {
    }

    static String of(Kernel kernel) {
        return observable(kernel) + "operations=" + kernel.operations() + "\n"
                // The words hold what queries do not show: each page-cache frame's place in reclaim order.
                + java.util.Arrays.toString(kernel.stateWords(String::hashCode)) + "\n";
    }

    /** The same without the operation count and the reclaim order. */
    static String observable(Kernel kernel) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("highestPid=").append(kernel.highestPid()).append('\n');
        for (ProcessInfo p : kernel.processes()) {
            sb.append(p).append('\n');
            sb.append("  pages ").append(kernel.pageTable(p.pid())).append('\n');
        }
        for (int f = 0; f < kernel.totalFrames(); f++) {
            sb.append(kernel.frame(f)).append('\n');
        }
        sb.append("used=").append(kernel.used()).append(" cached=").append(kernel.cached())
                .append(" peak=").append(kernel.peak()).append(" committed=").append(kernel.committed())
                .append('\n');
        Stats s = kernel.stats();
        sb.append("copies=").append(s.copies())
                .append(" framesCopied=").append(s.framesCopied())
                .append(" reuses=").append(s.reuses())
                .append(" zeroFills=").append(s.zeroFills())
                .append(" zeroMaps=").append(s.zeroMaps())
                .append(" oomKills=").append(s.oomKills())
                .append(" segv=").append(s.segv())
                .append(" reclaims=").append(s.reclaims())
                .append(" majorFaults=").append(s.majorFaults())
                .append(" cacheHits=").append(s.cacheHits())
                .append(" enomem=").append(s.enomem()).append('\n');
        for (String owner : kernel.owners()) {
            sb.append("charged ").append(owner).append('=').append(kernel.charged(owner)).append('\n');
        }
        return sb.toString();
    }
}
