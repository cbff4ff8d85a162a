#!/usr/bin/env bash
# tdiff.sh before after: CPU ms per thread group between two snapshots
join -a2 -e0 -o 0,1.2,2.2 $1 $2 | awk -v hz=$(getconf CLK_TCK) '{d=($3-$2)*1000/hz; tot+=d; r[$1]=d} END {for (k in r) if (r[k]>0) printf "%8d ms %5.1f%% %s\n", r[k], 100*r[k]/tot, k; printf "%8d ms total\n", tot}' | sort -rn
