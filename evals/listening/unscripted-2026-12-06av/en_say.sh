#!/bin/bash
out=$(/tmp/convoAV/say.sh av-en-1 en "$1" 2>&1)
echo "$out"
printf '%s\n\n---\n\n' "$out" >> /tmp/ownersAV/en/owner1.md
