#!/bin/bash
msg="$1"; shift
out=$(/tmp/convoAV/websay.sh av-nb-web-1 "$msg" "$@" 2>&1)
echo "$out"
printf 'User> %s\n\n%s\n\n---\n\n' "$msg" "$out" >> /tmp/ownersAV/nb/owner1.md
