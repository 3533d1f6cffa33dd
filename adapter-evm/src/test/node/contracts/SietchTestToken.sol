// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// OpenZeppelin's ERC-20 with burn (a Transfer to the zero address) and owner-only minting
/// (a Transfer from the zero address): the integration test's stand-in for BGT.
contract SietchTestToken is ERC20, ERC20Burnable, Ownable {
    constructor() ERC20("Sietch Test BGT", "tBGT") Ownable(msg.sender) {}

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
