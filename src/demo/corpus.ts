/** A small sample corpus in topics, for the demo's nearest-neighbour check. */
export interface Doc {
  topic: string;
  text: string;
}

const TOPICS: Record<string, string[]> = {
  filesystems: [
    'The filesystem journal replays pending metadata writes after a crash.',
    'Inodes store file metadata such as owner, permissions and block pointers.',
    'A copy-on-write filesystem never overwrites live blocks in place.',
    'Directory entries map file names to inode numbers in the filesystem.',
    'Extent trees let the filesystem describe large contiguous block ranges.',
    'The filesystem checker scans inodes and blocks for inconsistencies.',
    'Mount options control journaling mode and filesystem write barriers.',
    'Block allocation in the filesystem tries to keep file data contiguous.',
    'Snapshots of a copy-on-write filesystem share unchanged blocks.',
    'Filesystem quotas limit the blocks and inodes each user may consume.',
  ],
  cooking: [
    'Simmer the tomato sauce with garlic and basil for twenty minutes.',
    'Knead the bread dough until it is smooth and elastic, then let it rise.',
    'Roast the vegetables with olive oil, salt and rosemary until golden.',
    'Whisk the eggs with sugar before folding in the flour for the cake.',
    'Season the soup with pepper and a splash of lemon juice before serving.',
    'Caramelize the onions slowly in butter for a sweet, deep flavour.',
    'Let the bread dough rest overnight in the fridge for a richer taste.',
    'Marinate the chicken in yogurt, garlic and spices before grilling.',
    'Stir the risotto constantly while adding warm stock a ladle at a time.',
    'Bake the cake until a skewer comes out clean, then let it cool.',
  ],
  astronomy: [
    'The telescope captured faint light from a galaxy billions of years away.',
    'A neutron star spins hundreds of times per second after a supernova.',
    'Saturn rings are made of ice particles orbiting the planet.',
    'The comet tail always points away from the sun due to solar wind.',
    'Astronomers measure the distance to stars using parallax.',
    'A black hole bends the light of stars that pass behind it.',
    'The planet orbits its star inside the habitable zone where water stays liquid.',
    'Solar eclipses happen when the moon passes between the earth and the sun.',
    'The galaxy contains hundreds of billions of stars and dark matter.',
    'Radio telescopes listen to signals from distant pulsars and quasars.',
  ],
  networking: [
    'The router forwards packets to the next hop using its routing table.',
    'TCP retransmits lost segments after the retransmission timer expires.',
    'A netlink socket carries messages between the kernel and userspace.',
    'DNS resolves host names to IP addresses through recursive queries.',
    'Congestion control lowers the TCP sending rate when packets are lost.',
    'The switch learns MAC addresses and forwards frames to the right port.',
    'A firewall filters packets by address, port and connection state.',
    'TLS encrypts the connection after the handshake agrees on keys.',
    'Packet loss and latency both reduce the throughput of a TCP connection.',
    'The routing protocol exchanges routes between neighbouring routers.',
  ],
  gardening: [
    'Water the tomato plants deeply at the roots in the early morning.',
    'Prune the rose bushes in late winter before new growth begins.',
    'Compost adds nutrients and improves the structure of garden soil.',
    'Plant the seedlings after the last frost when the soil is warm.',
    'Mulch around the plants keeps the soil moist and stops weeds.',
    'Rotate vegetable crops each year to keep the soil healthy.',
    'Aphids on the roses can be washed off with a strong spray of water.',
    'Sow the carrot seeds thinly in loose, stone-free soil.',
    'Deadhead the flowers to encourage the plants to bloom again.',
    'Raised garden beds drain well and warm up early in spring.',
  ],
  finance: [
    'The central bank raised interest rates to slow inflation.',
    'Diversifying a portfolio across stocks and bonds reduces risk.',
    'Compound interest grows savings faster the longer they are invested.',
    'The company reported higher quarterly revenue and profit margins.',
    'Bond prices fall when interest rates rise.',
    'An index fund tracks the market with low fees.',
    'Inflation reduces the purchasing power of cash savings over time.',
    'Investors sold stocks after the weak earnings report.',
    'A budget tracks income and expenses to plan monthly savings.',
    'The exchange rate of the currency fell against the dollar.',
  ],
};

export const CORPUS: readonly Doc[] = Object.entries(TOPICS).flatMap(([topic, texts]) => texts.map((text) => ({ topic, text })));
